/**
 * The Exchange backstop pack (scripts/exchange/): the generated scripts are checked cmdlet by cmdlet and parameter by
 * parameter against the committed table of Microsoft's documentation, the check itself is shown to fail on scripts
 * that break its rules, and hostile names (quotes of every kind, $(), new lines) cannot change what a script does.
 */
import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadPolicyFile } from "../src/cli/policy-file";
import { ACTION_ORDER } from "../src/engine/types";
import { AUDIT_HEADER_NAMES, VERDICT_HEADER } from "../src/pipeline/audit-headers";
import { policyVersion } from "../src/engine/policy/version";
import {
  backstopRules,
  BackstopOptionError,
  checkMailbox,
  checkMode,
  installScript,
  removeScript,
  RULE_NAMES,
  testScript,
  type BackstopOptions,
} from "../scripts/exchange/backstop";
import { packReadme, powershellBlocks, sampleMessages, writeExchangePack } from "../scripts/exchange/pack";
import { checkScript, documentedTable, psQuote, tokenize, type CheckResult } from "../scripts/exchange/powershell-check";

const ROOT = path.resolve(__dirname, "..");
const policy = loadPolicyFile(path.join(ROOT, "assets/policy/default-policy.yaml"));
const table = documentedTable();

function options(over: Partial<BackstopOptions> = {}): BackstopOptions {
  return { complianceMailbox: "compliance@contoso.test", mode: "Audit", unchecked: "report", stripHeaders: false, organization: "Contoso", policyVersion: policyVersion(policy), productVersion: "1.0.0", ...over };
}

function clean(script: string): CheckResult {
  const r = checkScript(script, table);
  expect(r.errors).toEqual([]);
  return r;
}

describe("the documented-cmdlet table", () => {
  it("names its source: repository, snapshot, and path and commit per cmdlet", () => {
    expect(table.source.repository).toBe("MicrosoftDocs/office-docs-powershell");
    expect(table.source.snapshotCommit).toMatch(/^[0-9a-f]{40}$/);
    for (const c of ["New-TransportRule", "Set-TransportRule", "Get-TransportRule", "Remove-TransportRule"]) {
      expect(table.cmdlets[c]!.path).toBe(`exchange/exchange-ps/ExchangePowerShell/${c}.md`);
      expect(table.cmdlets[c]!.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it("holds the conditions and actions the backstop is built from, for New and Set", () => {
    const needed = [
      "HeaderContainsMessageHeader", "HeaderContainsWords", "HeaderMatchesMessageHeader", "HeaderMatchesPatterns",
      "ExceptIfHeaderContainsMessageHeader", "ExceptIfHeaderContainsWords", "ExceptIfHeaderMatchesMessageHeader",
      "ExceptIfHeaderMatchesPatterns", "ExceptIfMessageTypeMatches", "SentToScope", "FromScope", "GenerateIncidentReport",
      "IncidentReportContent", "BlindCopyTo", "SetAuditSeverity", "ModerateMessageByUser", "RemoveHeader", "SetHeaderName",
      "SetHeaderValue", "Mode", "Priority", "Comments",
    ];
    for (const c of ["New-TransportRule", "Set-TransportRule"]) {
      const params = table.cmdlets[c]!.parameters;
      expect(needed.filter((p) => !params[p] || !params[p]!.exchangeOnline)).toEqual([]);
    }
    expect(table.cmdlets["New-TransportRule"]!.parameters.Mode!.values).toEqual(["Audit", "AuditAndNotify", "Enforce"]);
    expect(table.cmdlets["New-TransportRule"]!.parameters.SentToScope!.values).toContain("NotInOrganization");
    expect(table.cmdlets["Remove-TransportRule"]!.parameters).toHaveProperty("Identity");
    expect(table.cmdlets["Test-Message"]!.parameters).toHaveProperty("MessageFileData");
    expect(table.commonParameters).toContain("ErrorAction");
  });
});

describe("the generated scripts", () => {
  const variants: Partial<BackstopOptions>[] = [{}, { unchecked: "moderate", mode: "Enforce" }, { stripHeaders: true, mode: "AuditAndNotify" }];

  it.each(variants.map((v) => [JSON.stringify(v), v]))("%s: every cmdlet and parameter is documented", (_label, v) => {
    const o = options(v as Partial<BackstopOptions>);
    const install = clean(installScript(o));
    const rules = backstopRules(o);
    const created = install.invocations.filter((i) => i.cmdlet === "New-TransportRule");
    expect(created.map((i) => i.params.Name)).toEqual(rules.map((_, k) => ({ variable: `name${k + 1}` })));
    expect(created.map((i) => i.splatted)).toEqual(rules.map((r) => r.parameters));
    expect(install.strings).toEqual(expect.arrayContaining(rules.map((r) => r.name)));
    expect(new Set(install.invocations.map((i) => i.cmdlet))).toEqual(new Set(["Get-Command", "Get-TransportRule", "Remove-TransportRule", "New-TransportRule", "Write-Host"]));
    const removed = clean(removeScript(o));
    expect(removed.invocations.map((i) => i.cmdlet)).toEqual(["Get-Command", "Get-TransportRule", "Remove-TransportRule", "Write-Host"]);
    const tested = clean(testScript(o, sampleMessages(o, policy)));
    expect(tested.invocations.find((i) => i.cmdlet === "Test-Message")!.params).toMatchObject({ Sender: o.complianceMailbox, SendReportTo: o.complianceMailbox, TransportRules: true });
    clean(powershellBlocks(packReadme(o)));
  });

  it("reads the headers the add-in stamps, before any rule removes them", () => {
    const rules = backstopRules(options({ stripHeaders: true }));
    const [a, b, ...c] = rules;
    expect(a!.parameters).toMatchObject({ Priority: 0, HeaderContainsMessageHeader: VERDICT_HEADER, HeaderContainsWords: ["warn", "block"], FromScope: "InOrganization", SentToScope: "NotInOrganization" });
    expect(b!.parameters).toMatchObject({ Priority: 1, ExceptIfHeaderContainsMessageHeader: VERDICT_HEADER, SentToScope: "NotInOrganization" });
    expect(b!.parameters.ExceptIfHeaderContainsWords).toEqual(ACTION_ORDER.slice());
    expect(c.map((r) => r.parameters.RemoveHeader)).toEqual(AUDIT_HEADER_NAMES.slice());
    expect(Math.min(...c.map((r) => r.parameters.Priority as number))).toBeGreaterThan(Math.max(a!.parameters.Priority as number, b!.parameters.Priority as number));
    expect(new Set(rules.map((r) => r.parameters.Priority)).size).toBe(rules.length);
    // every rule name fits the documented 64 characters; every comment the documented 1024
    for (const r of rules) {
      expect(r.name.length).toBeLessThanOrEqual(64);
      expect((r.parameters.Comments as string).length).toBeLessThanOrEqual(1024);
    }
    // remove-rules.ps1 knows every name install-rules.ps1 can create
    const names = clean(removeScript(options())).strings;
    expect(names).toEqual(expect.arrayContaining([RULE_NAMES.overrides, RULE_NAMES.unchecked, ...AUDIT_HEADER_NAMES.map(RULE_NAMES.strip)]));
  });

  it("moderate sends unchecked mail for approval instead of reporting it", () => {
    const b = backstopRules(options({ unchecked: "moderate" }))[1]!;
    expect(b.parameters.ModerateMessageByUser).toEqual(["compliance@contoso.test"]);
    expect(b.parameters).not.toHaveProperty("GenerateIncidentReport");
  });
});

describe("the check can fail", () => {
  const base = installScript(options());
  const cases: [string, string, RegExp][] = [
    ["an undocumented parameter", base.replace("SetAuditSeverity            = 'Medium'", "SetAuditSeverity            = 'Medium'\r\n  AuditSeverityLevel = 'Medium'"), /New-TransportRule has no documented parameter -AuditSeverityLevel/],
    ["a misspelled cmdlet", base.replace("New-TransportRule -Name $name1", "New-TransportRules -Name $name1"), /New-TransportRules is not in the documented table/],
    ["a value outside the documented ones", base.replace("Mode                        = 'Audit'", "Mode                        = 'Test'"), /-Mode 'Test' is not one of Audit, AuditAndNotify, Enforce/],
    ["a parameter not for Exchange Online", base.replace("Remove-TransportRule -Identity $name1", "Remove-TransportRule -Identity $name1 -DomainController 'dc1'"), /-DomainController is not documented for Exchange Online/],
    ["a parameter of another cmdlet", base.replace("Remove-TransportRule -Identity $name1", "Remove-TransportRule -Identity $name1 -Mode 'Audit'"), /Remove-TransportRule has no documented parameter -Mode/],
    ["a double-quoted string", base.replace("'Think First - report overrides'", '"Think First - report overrides"'), /double-quoted string/],
    ["a subexpression", base.replace("Write-Host ('created: ' + $name1)", "Write-Host $(Get-Date)"), /subexpression/],
    ["a backtick", base.replace("$name1 = 'Think", "$name1 = `\r\n'Think"), /backtick/],
    ["an alias or unknown command", base + "iex 'Remove-Mailbox x'\r\n", /iex is not a known command/],
    ["a pipe", base + "Get-TransportRule | Remove-TransportRule\r\n", /unexpected character "\|"/],
    ["a core cmdlet with a named parameter", base.replace("Write-Host ('created: ' + $name1)", "Write-Host -Object 'x'"), /core cmdlets take positional arguments only/],
    ["a splat of no hashtable", base.replace("New-TransportRule -Name $name1 @rule1", "New-TransportRule -Name $name1 @nothing"), /@nothing splats no hashtable/],
  ];
  it.each(cases)("%s", (_what, script, message) => {
    expect(checkScript(base, table).errors).toEqual([]);
    expect(checkScript(script, table).errors.join("\n")).toMatch(message);
  });
});

describe("values are quoted safely", () => {
  it("psQuote reads back as the same single literal for any text (PowerShell's four single quotes included)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "'", "\u2018", "\u2019", "\u201a", "\u201b", '"', "$", "(", ")", "`", ";", "\n", "|", "#", "@", "{", "}", "é") }), (s) => {
        expect(tokenize(psQuote(s))).toEqual([{ t: "str", v: s, line: 1 }]);
      }),
      { numRuns: 2000 },
    );
  });

  it("quoting only the ASCII quote would let a right single quotation mark end the string (why all four are doubled)", () => {
    const naive = (s: string) => "'" + s.replace(/'/g, "''") + "'";
    const hostile = "x\u2019; Remove-Mailbox -Identity boss; \u2019";
    expect(tokenize(naive(hostile)).length).toBeGreaterThan(1);
    expect(tokenize(psQuote(hostile))).toEqual([{ t: "str", v: hostile, line: 1 }]);
  });

  it("hostile organisation names and a mailbox with an apostrophe change no command and read back exactly", () => {
    const plain = checkScript(installScript(options()), table);
    const shape = (r: CheckResult) => r.invocations.map((i) => [i.cmdlet, Object.keys(i.params).sort(), Object.keys(i.splatted).sort()]);
    for (const organization of ["O'Brien & Sons", "Acme\u2019; Remove-Mailbox boss; \u2019", 'Acme"; $(Remove-Mailbox boss); "', "Acme\n}\nRemove-Mailbox boss\n#", "Čes\u0301ká `$x` @{a=1}"]) {
      const o = options({ organization, complianceMailbox: checkMailbox("o'brien@contoso.test") });
      const r = clean(installScript(o));
      expect(shape(r)).toEqual(shape(plain));
      const comments = backstopRules(o).map((x) => x.parameters.Comments as string);
      expect(r.strings).toEqual(expect.arrayContaining([...comments, "o'brien@contoso.test"]));
      for (const c of comments) expect(c).toContain(organization.replace(/\s+/g, " ").trim());
      clean(removeScript(o));
      clean(testScript(o, sampleMessages(o, policy)));
      clean(powershellBlocks(packReadme(o)));
    }
  });

  it("refuses a mailbox that is not an address, and a mode that is not documented", () => {
    for (const bad of ["x'; Remove-Mailbox boss; '@contoso.test", "compliance", "a b@contoso.test", "a@contoso", "a\u2019@contoso.test", "a@contoso.test\nb"]) {
      expect(() => checkMailbox(bad)).toThrow(BackstopOptionError);
    }
    expect(checkMailbox(" Compliance.Team+dlp@contoso.test ")).toBe("Compliance.Team+dlp@contoso.test");
    expect(() => checkMode("audit")).toThrow(/did you mean "Audit"/);
    expect(checkMode("Enforce")).toBe("Enforce");
  });
});

describe("writeExchangePack", () => {
  it("writes the scripts (UTF-8 with BOM, CRLF), the README and the sample messages", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tf-exchange-"));
    try {
      const files = writeExchangePack(path.join(dir, "exchange"), options({ stripHeaders: true }), policy);
      expect(fs.readdirSync(path.join(dir, "exchange")).sort()).toEqual(files.slice().sort());
      for (const f of files.filter((x) => x.endsWith(".ps1"))) {
        const bytes = fs.readFileSync(path.join(dir, "exchange", f));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = bytes.toString("utf8");
        expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
        clean(text);
      }
      const override = fs.readFileSync(path.join(dir, "exchange", "override.eml"), "utf8");
      expect(override).toMatch(/\r\nX-ThinkFirst-Verdict: warn\r\n/);
      expect(fs.readFileSync(path.join(dir, "exchange", "unchecked.eml"), "utf8")).not.toMatch(/X-ThinkFirst/i);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
