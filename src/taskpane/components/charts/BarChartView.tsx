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

/** Labels longer than this are cut (the whole label shows on hover), so a narrow pane keeps room for the bars. */
const LABEL_CHARS = 24;

export default function BarChartView({ title, bars, xFormat }: BarChartViewProps) {
  const height = 56 + bars.length * 26;
  // The library draws its first point at the bottom: reversed, the bars read top-down in the order given.
  return (
    <ResponsiveContainer width="100%" height={height}>
      <HorizontalBarChartWithAxis
        chartTitle={title}
        data={[...bars].reverse().map((b) => ({ x: b.value, y: b.label, legend: b.legend, color: b.color, xAxisCalloutData: b.label, yAxisCalloutData: xFormat(b.value) }))}
        height={height}
        barHeight={16}
        xAxisTickCount={3}
        hideLabels
        showYAxisLables
        showYAxisLablesTooltip
        noOfCharsToTruncate={LABEL_CHARS}
        legendsOverflowText="more"
      />
    </ResponsiveContainer>
  );
}
