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
        // Room for labels such as "+10.0 pp" and "2,000" (the default margin clips them).
        margins={{ left: 56, right: 16, top: 16, bottom: 32 }}
        enablePerfOptimization
      />
    </ResponsiveContainer>
  );
}
