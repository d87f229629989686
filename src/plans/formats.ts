/** Number formats and status colours shared by every plan. */
import { CellStyle } from "./types";

export const FMT = {
  money: "$#,##0.00",
  percent: "0.00%",
  drift: "+0.00%;-0.00%;0.00%",
  date: "yyyy-mm-dd",
  quantity: "#,##0.######",
  price: "$#,##0.00##",
  text: "@",
};

/** The built-in style of every Excel table the add-in creates. */
export const TABLE_STYLE = "TableStyleMedium2";

export const HEADER_STYLE: CellStyle = { bold: true, fill: "#1F4E79", color: "#FFFFFF" };

export const STATUS_STYLES: Record<string, CellStyle> = {
  "In band": { fill: "#E2F0D9", color: "#375623" },
  Over: { fill: "#F8CBAD", color: "#843C0C" },
  Under: { fill: "#FFE699", color: "#7F6000" },
  Locked: { fill: "#D9D9D9", color: "#3A3A3A" },
};
