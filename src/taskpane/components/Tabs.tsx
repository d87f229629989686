/** The pane's views as tabs (Fluent TabList). A view is drawn when its tab is first chosen and stays mounted, so switching keeps its state. */
import * as React from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";

export interface PaneTab {
  value: string;
  label: string;
  content: React.ReactNode;
}

const useStyles = makeStyles({
  list: { flexWrap: "wrap", marginBottom: tokens.spacingVerticalS },
});

export function PaneTabs({ tabs, label }: { tabs: PaneTab[]; label: string }) {
  const s = useStyles();
  const [selected, setSelected] = React.useState(tabs[0]?.value ?? "");
  // A view is first drawn when its tab is first chosen (the History reads the workbook only then).
  const [seen, setSeen] = React.useState<ReadonlySet<string>>(() => new Set([selected]));
  return (
    <div>
      <TabList className={s.list} aria-label={label} selectedValue={selected} onTabSelect={(_, d) => {
          const v = String(d.value);
          setSelected(v);
          setSeen((prev) => (prev.has(v) ? prev : new Set([...prev, v])));
        }}
      >
        {tabs.map((t) => (
          <Tab key={t.value} value={t.value} id={`tab-${t.value}`} aria-controls={`panel-${t.value}`} data-testid={`tab-${t.value}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((t) => (
        <div key={t.value} role="tabpanel" id={`panel-${t.value}`} aria-labelledby={`tab-${t.value}`} hidden={t.value !== selected}>
          {seen.has(t.value) && t.content}
        </div>
      ))}
    </div>
  );
}
