/**
 * Regenerates the committed example report of the Shanghai stack: evaluates this project's
 * program for stack cn-shanghai offline, runs the policy pack on it and writes
 * examples/cn-shanghai/report.md and data-paths.svg. test/report/examples.test.ts fails when the
 * committed files differ from what this produces.
 *
 *     node --require sucrase/register/ts scripts/regenerate-examples.ts
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { PolicyPackSession } from "../engine/analyzer";
import { checkPlan, packConfigFor, settingsFromStackConfig } from "../engine/check";
import type { EvaluationWorker } from "../engine/evaluation-worker";
import { evaluateIsolated } from "../engine/isolated";
import { renderReport, reportFiles, type RenderedReport } from "../report";
import { hashedFile, sdkVersions } from "../report/provenance";

export const root = path.resolve(__dirname, "..");
export const exampleStack = "cn-shanghai";
export const exampleDir = path.join(root, "examples", exampleStack);

/**
 * The example report as the current code produces it. A caller that keeps an evaluation process
 * or a pack session running may pass them; otherwise each is started and stopped here.
 */
export async function produceExample(
  running: { worker?: Pick<EvaluationWorker, "request">; session?: PolicyPackSession } = {},
): Promise<RenderedReport> {
  const plan = await evaluateIsolated({ projectDir: root, stack: exampleStack }, running.worker);
  const config = packConfigFor(settingsFromStackConfig(plan.config));
  const violations = await checkPlan(plan, config, running.session);
  // What the committed example was produced from, but its commit, which it cannot name itself.
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  return renderReport(plan, violations, {
    files: { svg: reportFiles.svg },
    provenance: {
      tool: `sovereign-dc ${version}`,
      sdks: sdkVersions(plan, root),
      stackFile: hashedFile(path.join(root, `Pulumi.${exampleStack}.yaml`), root),
    },
  });
}

async function main(): Promise<void> {
  const report = await produceExample();
  fs.mkdirSync(exampleDir, { recursive: true });
  fs.writeFileSync(path.join(exampleDir, reportFiles.markdown), report.markdown);
  fs.writeFileSync(path.join(exampleDir, reportFiles.svg), report.svg ?? "");
  process.stderr.write(
    `Wrote ${path.relative(root, path.join(exampleDir, reportFiles.markdown))} and ${path.relative(root, path.join(exampleDir, reportFiles.svg))}\n`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
