import * as fs from "fs";
import * as path from "path";
import { loadPolicy } from "../engine/policy/load";
import { policyToYaml } from "./playground";

describe("playground: the build's policy as YAML", () => {
  it("round-trips: the YAML the page shows compiles back to the same policy", () => {
    for (const file of ["assets/policy/default-policy.yaml", "test/policies/valid/every-key.yaml"]) {
      const policy = loadPolicy(fs.readFileSync(path.resolve(__dirname, "../..", file), "utf8"), file);
      const yaml = policyToYaml(policy);
      expect(loadPolicy(yaml, "policy.yaml")).toEqual(policy);
    }
  });

  it("leaves out detector settings that only repeat the defaults", () => {
    const policy = loadPolicy(fs.readFileSync(path.resolve(__dirname, "../../test/policies/valid/every-key.yaml"), "utf8"), "p.yaml");
    const yaml = policyToYaml(policy);
    expect(yaml).toContain("us-ssn:");
    expect(yaml).not.toContain("in-aadhaar:");
  });
});
