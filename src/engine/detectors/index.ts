/**
 * The registry of built-in text detectors: one line per detector (file name = id, export = camelCase id). Everything
 * else (policy ids and groups, the schema, display names, test fixtures) derives from this list and ../signals/index.ts
 * through ../registry.ts. Order matters only for ties in de-duplication (earlier wins).
 */
import { usSsn } from "./us-ssn";
import { paymentCard } from "./payment-card";
import { iban } from "./iban";
import { emailAddress } from "./email-address";
import { fiHetu } from "./fi-hetu";
import { noFnr } from "./no-fnr";
import { skRc } from "./sk-rc";
import { inAadhaar } from "./in-aadhaar";
import { inPan } from "./in-pan";
import { pkCnic } from "./pk-cnic";
import { noOrgnr } from "./no-orgnr";
import { skIco } from "./sk-ico";
import { skDic } from "./sk-dic";
import { skIcdph } from "./sk-icdph";
import { fiYtunnus } from "./fi-ytunnus";
import { inGstin } from "./in-gstin";
import { inTan } from "./in-tan";
import { pkNtn } from "./pk-ntn";
import { rfCreditorRef } from "./rf-creditor-ref";

export const detectors = [
  iban,
  paymentCard,
  usSsn,
  emailAddress,
  fiHetu,
  noFnr,
  skRc,
  inAadhaar,
  inPan,
  pkCnic,
  // Business and tax ids (group "business"): recognised so the same token is not read as a personal identifier.
  noOrgnr,
  skIco,
  skDic,
  skIcdph,
  fiYtunnus,
  inGstin,
  inTan,
  pkNtn,
  rfCreditorRef,
] as const;

export type { Detector } from "./detector";
