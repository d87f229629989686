/** The line chart, fetched the first time one is shown (a separate chunk beside the page). */
import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import type { LineChartViewProps } from "./LineChartView";

const LineChartView = React.lazy(() => import("./LineChartView"));

export function LazyLineChart(props: LineChartViewProps) {
  return (
    <div role="figure" aria-label={props.title} data-testid="line-chart" data-series={props.series.length}>
      <React.Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
        <LineChartView {...props} />
      </React.Suspense>
    </div>
  );
}
