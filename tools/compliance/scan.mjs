// Runs the cdk-nag packs and the cfn-guard Control Tower rules over a synthesized CloudFormation template.
//
//   node scan.mjs <template.json> [--report <report.json>]
//
// Acknowledgements are read from each resource's Metadata.cdk_nag.rules_to_suppress ([{ id, reason }]), where
// the C# stack writes them (ImageProcessing.Infrastructure/Compliance). A cdk-nag finding is acknowledged by its
// exact id ("AwsSolutions-S1", or "AwsSolutions-IAM5[Resource::*]" for one finding of a rule); a cfn-guard
// finding by "cdk-validator-cfnguard::<rule name>". Exit code 0 only when no finding is left unacknowledged.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import {
  AwsSolutionsChecks,
  HIPAASecurityChecks,
  NIST80053R5Checks,
  PCIDSS321Checks,
  ServerlessChecks,
  NagRuleCompliance,
} from 'cdk-nag';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';

const GUARD_PREFIX = 'cdk-validator-cfnguard::';
const NAG_PACKS = [AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks, ServerlessChecks];

function parseArguments(argv) {
  const args = { template: undefined, report: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--report') args.report = argv[++i];
    else if (!args.template) args.template = argv[i];
    else throw new Error(`unexpected argument: ${argv[i]}`);
  }
  if (!args.template) throw new Error('usage: node scan.mjs <template.json> [--report <report.json>]');
  return args;
}

/** logicalId -> Map(ruleId -> reason), from the template's metadata. */
function readAcknowledgements(template) {
  const acknowledgements = new Map();
  const problems = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const rules = resource.Metadata?.cdk_nag?.rules_to_suppress ?? [];
    const byRule = new Map();
    for (const rule of rules) {
      if (!rule?.id || typeof rule.reason !== 'string' || rule.reason.trim().length < 20) {
        problems.push(`${logicalId}: acknowledgement ${JSON.stringify(rule)} has no real reason`);
        continue;
      }
      byRule.set(rule.id, rule.reason);
    }
    if (byRule.size > 0) acknowledgements.set(logicalId, byRule);
  }
  return { acknowledgements, problems };
}

/** Runs one cdk-nag pack over the included template, recording every rule's result on every resource. */
function runNagPack(PackClass, scope) {
  const pack = new PackClass();
  const rules = new Map(); // ruleId -> { applicable, findings: [{ findingId, logicalId, info }] }
  pack.applyRule = (params) => {
    const ruleId = `${pack.readPackName}-${params.ruleSuffixOverride ?? params.rule.name}`;
    const entry = rules.get(ruleId) ?? { applicable: false, level: params.level, info: params.info, findings: [] };
    rules.set(ruleId, entry);
    // CfnInclude names each construct after its logical id.
    const logicalId = params.node.node.id;
    let result;
    try {
      result = params.rule(params.node);
    } catch (error) {
      entry.applicable = true;
      entry.findings.push({ findingId: ruleId, logicalId, info: `rule failed: ${error.message}` });
      return;
    }
    if (result === NagRuleCompliance.NOT_APPLICABLE) return;
    entry.applicable = true;
    if (result === NagRuleCompliance.NON_COMPLIANT) {
      entry.findings.push({ findingId: ruleId, logicalId, info: params.info });
    } else if (Array.isArray(result)) {
      for (const finding of result) entry.findings.push({ findingId: `${ruleId}[${finding}]`, logicalId, info: params.info });
    }
  };
  pack.validateScope(scope);
  return { name: pack.readPackName, rules };
}

/** Runs the Control Tower guard rules: per-rule status from cfn-guard itself, per-resource findings from the plugin. */
function runGuard(templatePath) {
  const validator = new CfnGuardValidator({ controlTowerRulesEnabled: true });
  const report = validator.validate({ templatePaths: [templatePath] });
  // The plugin keeps only violations; ask the same binary with the same rules which rules applied at all.
  const run = spawnSync(validator.guard, [
    'validate', ...validator.rulesPaths.flatMap((path) => ['--rules', path]),
    '--data', templatePath, '--output-format', 'json', '--show-summary', 'none', '--structured',
  ], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || !run.stdout) throw new Error(`cfn-guard did not run: ${run.error?.message ?? run.stderr}`);
  const rules = new Map();
  for (const file of JSON.parse(run.stdout)) {
    for (const name of file.compliant ?? []) rules.set(name, { applicable: true, findings: [] });
    for (const failure of file.not_compliant ?? []) rules.set(failure.Rule?.name ?? failure.name, { applicable: true, findings: [] });
  }
  for (const violation of report.violations ?? []) {
    const entry = rules.get(violation.ruleName) ?? { applicable: true, findings: [] };
    rules.set(violation.ruleName, entry);
    for (const resource of violation.violatingResources) {
      entry.findings.push({
        findingId: GUARD_PREFIX + violation.ruleName,
        logicalId: resource.resourceLogicalId,
        info: violation.description.trim().replace(/\s+/g, ' '),
      });
    }
  }
  return { name: 'ControlTower (cfn-guard)', rules };
}

function summarize(pack, acknowledgements, used) {
  let passed = 0;
  let checked = 0;
  const acknowledged = [];
  const open = [];
  const rules = {};
  for (const [ruleId, entry] of pack.rules) {
    if (!entry.applicable) continue;
    checked++;
    rules[ruleId] = entry.findings.length === 0 ? 'passed' : 'finding';
    if (entry.findings.length === 0) passed++;
    for (const finding of entry.findings) {
      const reason = acknowledgements.get(finding.logicalId)?.get(finding.findingId);
      if (reason) {
        acknowledged.push({ ...finding, ruleId, reason });
        used.add(`${finding.logicalId} ${finding.findingId}`);
      } else {
        open.push({ ...finding, ruleId });
      }
    }
  }
  return { pack: pack.name, checked, passed, rules, acknowledged, open };
}

function printTable(summaries) {
  const header = ['pack', 'rules checked', 'passed', 'acknowledged', 'unacknowledged'];
  const rows = summaries.map((s) => [s.pack, s.checked, s.passed, s.acknowledged.length, s.open.length].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '-') + '-'.repeat(w) + (i === 0 ? '-' : ':')).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log('("rules checked": rules that apply to at least one resource; "passed": of those, rules with no finding; the last two count findings)');
}

function main() {
  const args = parseArguments(process.argv.slice(2));
  const templatePath = resolve(args.template);
  const template = JSON.parse(readFileSync(templatePath, 'utf8'));
  const { acknowledgements, problems } = readAcknowledgements(template);

  const app = new App();
  const stack = new Stack(app, 'Scanned');
  const included = new CfnInclude(stack, 'Template', { templateFile: templatePath });

  const packs = NAG_PACKS.map((Pack) => runNagPack(Pack, included));
  packs.push(runGuard(templatePath));

  const used = new Set();
  const summaries = packs.map((pack) => summarize(pack, acknowledgements, used));
  printTable(summaries);

  const open = summaries.flatMap((s) => s.open);
  for (const finding of open) {
    console.log(`UNACKNOWLEDGED ${finding.findingId} on ${finding.logicalId}: ${finding.info}`);
  }
  for (const problem of problems) console.log(`INVALID ${problem}`);
  const stale = [...acknowledgements].flatMap(([logicalId, rules]) =>
    [...rules.keys()].filter((id) => !used.has(`${logicalId} ${id}`)).map((id) => `${logicalId} ${id}`));
  for (const entry of stale) console.log(`note: acknowledgement not needed by this template: ${entry}`);

  if (args.report) {
    writeFileSync(args.report, JSON.stringify({ template: templatePath, summaries, stale, problems }, null, 2));
  }
  const total = summaries.reduce((n, s) => n + s.acknowledged.length, 0);
  if (open.length > 0 || problems.length > 0) {
    console.log(`compliance scan FAILED: ${open.length} unacknowledged finding(s), ${problems.length} invalid acknowledgement(s)`);
    process.exitCode = 1;
  } else {
    console.log(`compliance scan passed: 0 unacknowledged findings, ${total} acknowledged with reasons`);
  }
}

main();
