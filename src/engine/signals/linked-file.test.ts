import { cloudAttachmentFinding, compileLinkHosts, DEFAULT_LINK_HOSTS, findLinkedFiles, findLinks, isListedHost, linkHost, linkedFile } from "./linked-file";

const hosts = DEFAULT_LINK_HOSTS;
const found = (text: string) => findLinkedFiles(text, hosts).map((f) => [f.masked, text.slice(f.start, f.end)]);

describe("DEFAULT_LINK_HOSTS", () => {
  test("one entry each, lower-case, each a domain (optionally with a path prefix) that compiles", () => {
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const h of hosts) expect(h).toMatch(/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(\/[a-z0-9/._-]+)?$/);
    expect(compileLinkHosts(hosts).entries).toHaveLength(hosts.length);
  });

  test("covers the services the policy names", () => {
    for (const h of ["1drv.ms", "onedrive.live.com", "sharepoint.com", "teams.microsoft.com/l/file", "drive.google.com", "docs.google.com", "dropbox.com", "box.com", "wetransfer.com", "icloud.com", "mega.nz", "uschovna.cz", "jottacloud.com", "hightail.com"]) {
      expect(hosts).toContain(h);
    }
  });
});

describe("findLinkedFiles: sharing links in text, named by host", () => {
  test.each([
    ["OneDrive short link", "See https://1drv.ms/x/s!AkqZ3mNpQ7lTgoBv?e=Ab3dE thanks", "1drv.ms", "https://1drv.ms/x/s!AkqZ3mNpQ7lTgoBv?e=Ab3dE"],
    ["OneDrive", "https://onedrive.live.com/?cid=ABC&id=ABC%21123", "onedrive.live.com", "https://onedrive.live.com/?cid=ABC&id=ABC%21123"],
    ["SharePoint -my (OneDrive for Business)", "(https://contoso-my.sharepoint.com/:x:/g/personal/jane_contoso_com/EbX?e=q1)", "contoso-my.sharepoint.com", "https://contoso-my.sharepoint.com/:x:/g/personal/jane_contoso_com/EbX?e=q1"],
    ["SharePoint site", "Files: https://contoso.sharepoint.com/sites/Sales/Shared%20Documents/Q3.xlsx.", "contoso.sharepoint.com", "https://contoso.sharepoint.com/sites/Sales/Shared%20Documents/Q3.xlsx"],
    ["Teams file link", "https://teams.microsoft.com/l/file/1A2B?tenantId=x&fileType=xlsx", "teams.microsoft.com", "https://teams.microsoft.com/l/file/1A2B?tenantId=x&fileType=xlsx"],
    ["Google Docs", "edit at https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0", "docs.google.com", "https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0"],
    ["Dropbox without a scheme", "get it from www.dropbox.com/scl/fi/abc/list.csv?dl=0", "www.dropbox.com", "www.dropbox.com/scl/fi/abc/list.csv?dl=0"],
    ["WeTransfer short link, bare", "sent with we.tl/t-AbCdEf123", "we.tl", "we.tl/t-AbCdEf123"],
    ["Úschovna", "Soubor: https://www.uschovna.cz/zasilka/ABCD1234-EFGH/", "www.uschovna.cz", "https://www.uschovna.cz/zasilka/ABCD1234-EFGH/"],
    ["Jottacloud", "<https://www.jottacloud.com/s/123abc>", "www.jottacloud.com", "https://www.jottacloud.com/s/123abc"],
    ["a port", "http://contoso.sharepoint.com:443/sites/x", "contoso.sharepoint.com", "http://contoso.sharepoint.com:443/sites/x"],
    ["upper case", "HTTPS://WWW.DROPBOX.COM/S/ABC", "www.dropbox.com", "HTTPS://WWW.DROPBOX.COM/S/ABC"],
    ["scheme-relative", "src //drive.google.com/file/d/1x/view", "drive.google.com", "//drive.google.com/file/d/1x/view"],
    ["Urdu text around it", "فائل یہاں ہے https://1drv.ms/u/s!abc۔", "1drv.ms", "https://1drv.ms/u/s!abc۔"],
  ])("%s", (_name, text, host, span) => {
    expect(found(text)).toEqual([[host, span]]);
  });

  test.each([
    ["a Teams meeting (not a file)", "Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_x"],
    ["an unlisted host", "https://github.com/org/repo/issues/12#issuecomment-1"],
    ["a look-alike domain", "https://notdropbox.com/s/abc https://dropbox.com.evil.example/s/x"],
    ["a host inside another link's path", "https://example.org/go/dropbox.com/s/abc"],
    ["a host in a query value", "https://example.org/r?u=dropbox.com/s/abc"],
    ["an e-mail address at a listed domain", "write to jane@dropbox.com/ or jane@box.com"],
    ["a host with no path", "we use dropbox.com and https://wetransfer.com for large files"],
    ["dates, fractions, versions", "12/05/2024, 3/4, v2.0/3.1, e.g./i.e./U.S.A./"],
    ["a Windows path", "C:\\Users\\jane\\Dropbox\\list.csv"],
  ])("no link: %s", (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  test("the same link twice counts once; two links to one host count twice", () => {
    const t = "https://1drv.ms/x/abc and again https://1drv.ms/x/abc. Also https://1drv.ms/x/other";
    expect(found(t).map((x) => x[1])).toEqual(["https://1drv.ms/x/abc", "https://1drv.ms/x/other"]);
  });

  test("a redirect link whose query holds a listed link: the inner link is found", () => {
    expect(found("https://example.org/redirect?to=https://1drv.ms/x/abc")).toEqual([["1drv.ms", "https://1drv.ms/x/abc"]]);
  });

  test("Outlook Safe Links are unwrapped to the host they stand for", () => {
    const wrapped = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fcontoso-my.sharepoint.com%2F%3Ax%3A%2Fg%2Fpersonal%2Fjane&data=05%7C01&reserved=0";
    expect(findLinkedFiles("see " + wrapped, hosts).map((f) => f.masked)).toEqual(["contoso-my.sharepoint.com"]);
    expect(findLinkedFiles("https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fx&data=1", hosts)).toEqual([]);
  });

  test("a finding never carries the URL's path or query: masked is the host, reasons are fixed", () => {
    const [f] = findLinkedFiles("https://contoso-my.sharepoint.com/personal/jane_doe_contoso_com/Documents/payroll.xlsx?e=SeCrEt", hosts);
    expect(f).toMatchObject({ detector: "linked-file", confidence: "high", masked: "contoso-my.sharepoint.com", reasons: ["link to a file-sharing host"] });
    expect(JSON.stringify({ masked: f!.masked, reasons: f!.reasons })).not.toMatch(/jane|payroll|SeCrEt/);
  });

  test("an empty host list finds nothing; a policy's own host is found with its subdomains", () => {
    expect(findLinkedFiles("https://1drv.ms/x/abc", [])).toEqual([]);
    expect(findLinkedFiles("https://files.example.com/share/1 https://eu.files.example.com/s/2", ["files.example.com"]).map((f) => f.masked)).toEqual(["files.example.com", "eu.files.example.com"]);
  });

  test("linear on hostile text: long host runs, many slashes, no spaces", () => {
    const hostile = ("a.".repeat(150) + "b/").repeat(2000) + "/".repeat(200000) + "x".repeat(200000);
    const t0 = Date.now();
    expect(findLinks(hostile, compileLinkHosts(hosts))).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe("hosts, cloud attachments", () => {
  test("isListedHost: subdomains and path prefixes at a segment boundary", () => {
    const h = compileLinkHosts(["sharepoint.com", "teams.microsoft.com/l/file"]);
    expect(isListedHost(h, "contoso-my.sharepoint.com", "/x")).toBe(true);
    expect(isListedHost(h, "sharepoint.com.evil.example", "/x")).toBe(false);
    expect(isListedHost(h, "teams.microsoft.com", "/l/file/abc")).toBe(true);
    expect(isListedHost(h, "teams.microsoft.com", "/l/files")).toBe(false);
    expect(isListedHost(h, "teams.microsoft.com", "/l/meetup-join/x")).toBe(false);
  });

  test("linkHost of a cloud attachment's URL; the finding names the host, or the file when Office gave no URL", () => {
    expect(linkHost("https://contoso-my.sharepoint.com/personal/jane/Documents/plan.docx")).toBe("contoso-my.sharepoint.com");
    expect(linkHost("https://user:pw@Files.Example.COM:8443/a")).toBe("files.example.com");
    expect(linkHost("not a url")).toBe("");
    expect(cloudAttachmentFinding("https://1drv.ms/w/s!abc", "plan.docx")).toMatchObject({ detector: "linked-file", masked: "1drv.ms", reasons: ["cloud attachment"] });
    expect(cloudAttachmentFinding(undefined, "plan.docx")).toMatchObject({ masked: "plan.docx", reasons: ["cloud attachment (no link given)"] });
  });

  test("the signal is in the group links, with a name in every language", () => {
    expect(linkedFile.group).toBe("link");
    expect(linkedFile.names.sk.count.few).toContain("{count}");
  });
});
