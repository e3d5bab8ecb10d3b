// Preloaded (node -r) by scripts/build-tenant.ts around `office-addin-manifest validate`: any network use fails, so a
// validation that passes is known to have run offline (the JSON schema ships with @microsoft/app-manifest).
const net = require("net");
const fail = () => {
  throw new Error("network disabled: manifest validation must run offline");
};
net.Socket.prototype.connect = fail;
globalThis.fetch = () => Promise.reject(new Error("network disabled: manifest validation must run offline"));
