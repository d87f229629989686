/** The plan's warnings, one message bar each (nothing when there are none). */
import * as React from "react";
import { MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { Section } from "./parts";

export function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Section title="Warnings">
      <div role="list" aria-label="Warnings">
        {warnings.map((w, i) => (
          <div role="listitem" key={i} style={{ marginBottom: tokens.spacingVerticalXS }}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{w}</MessageBarBody>
            </MessageBar>
          </div>
        ))}
      </div>
    </Section>
  );
}
