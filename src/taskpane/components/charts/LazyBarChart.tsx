/** The bar chart, fetched the first time one is shown (a separate chunk beside the page). */
import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import type { BarChartViewProps } from "./BarChartView";

const BarChartView = React.lazy(() => import("./BarChartView"));

export function LazyBarChart(props: BarChartViewProps) {
  return (
    <div role="figure" aria-label={props.title} data-testid="bar-chart" data-bars={props.bars.length}>
      <React.Suspense fallback={<Spinner size="tiny" label="Drawing the chart…" />}>
        <BarChartView {...props} />
      </React.Suspense>
    </div>
  );
}
