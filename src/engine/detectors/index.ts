/**
 * The registry of built-in detectors: one line per identifier (file name = id, export = camelCase id).
 * Order matters only for ties in de-duplication (earlier wins).
 */
import type { Detector } from "./detector";
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

export const detectors: Detector[] = [
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
];

export type { Detector } from "./detector";
