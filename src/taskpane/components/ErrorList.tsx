/** The contract problems of a workbook, each addressed as Sheet!Cell so the advisor can find it. */
import * as React from "react";
import { Body1, Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ContractError } from "../../contract/errors";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalS} 0 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  item: { marginBottom: tokens.spacingVerticalXS },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

/** Splits "Sheet!B7: message" into its address and message, as contractError builds it. */
function split(e: ContractError): { where: string; message: string } {
  if (e.text.endsWith(e.message) && e.text.length > e.message.length) {
    return { where: e.text.slice(0, e.text.length - e.message.length).replace(/:\s*$/, ""), message: e.message };
  }
  return { where: "", message: e.text };
}

/**
 * onSelect (inside Excel): each Sheet!Cell address becomes a link that selects the cell.
 * advice: what to do about the problems (default: for a file opened in the pane).
 */
export function ErrorList({ errors, onSelect, advice }: { errors: ContractError[]; onSelect?: (e: ContractError) => void; advice?: string }) {
  const s = useStyles();
  const n = errors.length;
  return (
    <div data-testid="errors">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            {n === 1 ? "1 problem" : `${n} problems`} in this workbook
          </MessageBarTitle>
          {advice ?? `Fix ${n === 1 ? "it" : "them"} in Excel, save, and open the file again. Nothing was planned.`}
        </MessageBarBody>
      </MessageBar>
      <ul className={s.list} aria-label="Workbook problems">
        {errors.map((e, i) => {
          const { where, message } = split(e);
          return (
            <li key={i} className={s.item}>
              <Body1>
                {where && onSelect && e.sheet ? (
                  <Link as="button" className={s.where} onClick={() => onSelect(e)} title={`Select ${where} in the workbook`}>
                    {where}
                  </Link>
                ) : (
                  where && <span className={s.where}>{where}</span>
                )}
                {where && ": "}
                {message}
              </Body1>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
