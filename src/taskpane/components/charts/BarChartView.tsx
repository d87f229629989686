/**
 * Horizontal bars with a value axis, drawn with @fluentui/react-charts (Fluent v9). Loaded on demand
 * through ./LazyBarChart, so the chart library is not part of the pane's first download.
 */
import * as React from "react";
import { HorizontalBarChartWithAxis, ResponsiveContainer } from "@fluentui/react-charts";

export interface Bar {
  label: string;
  value: number;
  /** The bar's legend (bars of one legend share a colour). */
  legend: string;
  color: string;
}

export interface BarChartViewProps {
  title: string;
  bars: Bar[];
  /** How a bar's value reads in its callout. */
  xFormat: (x: number) => string;
}

export default function BarChartView({ title, bars, xFormat }: BarChartViewProps) {
  const height = 48 + bars.length * 26;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <HorizontalBarChartWithAxis
        chartTitle={title}
        data={bars.map((b) => ({ x: b.value, y: b.label, legend: b.legend, color: b.color, xAxisCalloutData: b.label, yAxisCalloutData: xFormat(b.value) }))}
        height={height}
        barHeight={16}
        xAxisTickCount={3}
        margins={{ left: 16, right: 24, top: 8, bottom: 32 }}
        hideLabels
        showYAxisLables
        legendsOverflowText="more"
      />
    </ResponsiveContainer>
  );
}
