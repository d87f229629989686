/** The Backtest, History, Policy and Compare views, fetched the first time their tab is chosen (not part of the pane's first download). */
import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import type { BacktestPanelProps } from "./backtest/BacktestPanel";
import type { HistoryOutcome } from "./history/HistoryPanel";
import type { PolicyViewProps } from "./policy/PolicyView";
import type { ComparePanelProps } from "./compare/ComparePanel";

const Backtest = React.lazy(async () => ({ default: (await import(/* webpackChunkName: "view-backtest" */ "./backtest/BacktestPanel")).BacktestPanel }));
const History = React.lazy(async () => ({ default: (await import(/* webpackChunkName: "view-history" */ "./history/HistoryPanel")).HistoryPanel }));

const Policy = React.lazy(async () => ({ default: (await import(/* webpackChunkName: "view-policy" */ "./policy/PolicyView")).PolicyView }));
const Compare = React.lazy(async () => ({ default: (await import(/* webpackChunkName: "view-compare" */ "./compare/ComparePanel")).ComparePanel }));

const loading = <Spinner size="tiny" label="Loading the view…" />;

export function LazyBacktestPanel(props: BacktestPanelProps) {
  return (
    <React.Suspense fallback={loading}>
      <Backtest {...props} />
    </React.Suspense>
  );
}

export function LazyHistoryPanel(props: { load: () => Promise<HistoryOutcome>; version: number }) {
  return (
    <React.Suspense fallback={loading}>
      <History {...props} />
    </React.Suspense>
  );
}

export function LazyPolicyView(props: PolicyViewProps) {
  return (
    <React.Suspense fallback={loading}>
      <Policy {...props} />
    </React.Suspense>
  );
}

export function LazyComparePanel(props: ComparePanelProps) {
  return (
    <React.Suspense fallback={loading}>
      <Compare {...props} />
    </React.Suspense>
  );
}
