/** A view's data read by an injected `load`: again when `version` changes or `reload()` is asked for, never on a mere re-render. */
import * as React from "react";

export type Loaded<T> = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "done"; value: T };

/** `load`'s result (a failure as its message); a parent's re-render hands a new `load` each time, which alone does not read again. */
export function useReload<T>(load: () => Promise<T>, version: number | string): [Loaded<T>, () => void] {
  const [state, setState] = React.useState<Loaded<T>>({ kind: "loading" });
  const [refresh, setRefresh] = React.useState(0);
  const loadNow = React.useRef(load);
  loadNow.current = load;
  React.useEffect(() => {
    let live = true;
    setState({ kind: "loading" });
    loadNow.current().then(
      (value) => live && setState({ kind: "done", value }),
      (err) => live && setState({ kind: "failed", message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [version, refresh]);
  return [state, React.useCallback(() => setRefresh((n) => n + 1), [])];
}
