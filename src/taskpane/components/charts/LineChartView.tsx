/**
 * A line chart drawn with @fluentui/react-charts (Fluent v9). Loaded on demand through
 * ./LazyLineChart, so the chart library is not part of the pane's first download.
 */
import * as React from "react";
import { LineChart, ResponsiveContainer } from "@fluentui/react-charts";
import { ChartSeries, isRoundOnLog } from "./series";

export interface LineChartViewProps {
  title: string;
  series: ChartSeries[];
  /** A logarithmic value axis (growth of 1 over decades). */
  log?: boolean;
  yFormat: (y: number) => string;
  height?: number;
}

export default function LineChartView({
  title,
  series,
  log,
  yFormat,
  height = 280,
}: LineChartViewProps) {
  const data = {
    chartTitle: title,
    lineChartData: series.map((s) => ({
      legend: s.name,
      data: s.points.map((p) => ({ x: new Date(`${p.x}T00:00:00Z`), y: p.y })),
    })),
  };
  // Dates on the axis as the workbook writes them (2026-11-20), or years over a long history.
  const xs = series.flatMap((s) => s.points.map((p) => p.x)).sort();
  const years = xs.length > 0 ? Number(xs[xs.length - 1].slice(0, 4)) - Number(xs[0].slice(0, 4)) : 0;
  const dateLabel = (d: Date) => (years >= 3 ? String(d.getUTCFullYear()) : d.toISOString().slice(0, 10));
  // The container follows the pane's width as the advisor resizes it (the chart alone keeps its first width).
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart
        data={data}
        height={height}
        yScaleType={log ? "log" : "default"}
        yAxisTickFormat={(y: number) =>
          log && !isRoundOnLog(y) ? "" : yFormat(y)
        }
        legendsOverflowText="more"
        customDateTimeFormatter={dateLabel}
        // Room for labels such as "+10.0 pp" and "2,000" (the default margin clips them).
        margins={{ left: 56, right: 16, top: 16, bottom: 32 }}
        enablePerfOptimization
      />
    </ResponsiveContainer>
  );
}
