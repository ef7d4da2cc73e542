import { detectCrmMapping, findCrmHeaderRow } from "./crmColumns";
import { domainKey } from "./crmDomain";
import { normaliseName } from "./crmNames";
import { matchCustomers, matchText } from "./crmMatch";

describe("CRM keys", () => {
  it.each([
    ["https://www.Contoso.co.uk:8080/about?x=1", "contoso.co.uk"],
    ["WWW.CONTOSO.COM.", "contoso.com"],
    ["sales@shop.contoso.com.au", "contoso.com.au"],
    ["mailto:info@contoso.de", "contoso.de"],
    ["portal.eu.contoso.com", "contoso.com"],
    ["contoso.com; fabrikam.com", "contoso.com"],
  ])("reduces %s to the registrable domain %s", (value, domain) => {
    expect(domainKey(value)).toEqual({ kind: "domain", domain });
  });

  it.each([
    "jane@gmail.com",
    "bob@outlook.com",
    "x@hotmail.co.uk",
    "y@yahoo.fr",
    "z@web.de",
    "q@btinternet.com",
  ])("never matches on the free-mail domain of %s", (value) =>
    expect(domainKey(value).kind).toBe("freeMail"),
  );

  it.each(["", "#N/A", "Contoso", "192.168.1.10", "n/a"])("finds no domain in %j", (value) =>
    expect(domainKey(value).kind).toBe("none"),
  );

  it("folds case, accents, punctuation, & and legal forms across languages", () => {
    const key = (name: string) => normaliseName(name).key;
    expect(key("Contoso Group, Inc.")).toBe(key("CONTOSO GROUP INCORPORATED"));
    expect(key("Émeraude S.A.")).toBe(key("emeraude sa"));
    expect(key("Munson's Pickles & Preserves GmbH")).toBe(key("Munsons Pickles and Preserves"));
    expect(key("The Fourth Coffee Pty Ltd")).toBe(key("FourthCoffee"));
    expect(key("Müller Bau GmbH & Co. KG")).toBe(key("Muller Bau"));
    expect(key("Contoso & Co Ltd")).not.toBe(key("Contoso Ltd"));
    expect(normaliseName("Contoso Ltd").legal).toBe(normaliseName("Contoso Limited").legal);
    expect(normaliseName("Contoso Ltd").legal).not.toBe(normaliseName("Contoso Inc").legal);
    expect(normaliseName('=HYPERLINK("https://x","Contoso Ltd")').key).toBe("contoso");
    // Words Object.prototype has are words of the name, never a legal form.
    expect(normaliseName("Contoso Constructor")).toEqual({
      tokens: ["contoso", "constructor"],
      key: "contosoconstructor",
      legal: null,
    });
    expect(normaliseName("Fabrikam ValueOf Ltd").key).toBe("fabrikamvalueof");
  });

  it("detects Dynamics 365, Salesforce and HubSpot columns, below a title row too", () => {
    const dynamics = [
      "(Do Not Modify) Account",
      "(Do Not Modify) Row Checksum",
      "Account Name",
      "Account Number",
      "Website",
      "Owner",
      "Address 1: Country/Region",
    ];
    expect(detectCrmMapping(dynamics, [])).toEqual({
      accountId: 0,
      accountName: 2,
      website: 4,
      owner: 5,
      country: 6,
    });
    const salesforce = [
      "Account Owner",
      "Account Name",
      "Website",
      "Billing Country",
      "Account ID",
      "Microsoft TPID",
    ];
    expect(detectCrmMapping(salesforce, [])).toEqual({
      owner: 0,
      accountName: 1,
      website: 2,
      country: 3,
      accountId: 4,
      msId: 5,
    });
    const hubspot = [
      "Record ID",
      "Company name",
      "Company Domain Name",
      "Company owner",
      "Country/Region",
      "Tenant ID",
    ];
    expect(detectCrmMapping(hubspot, [])).toEqual({
      accountId: 0,
      accountName: 1,
      website: 2,
      owner: 3,
      country: 4,
      tenantId: 5,
    });
    expect(findCrmHeaderRow([["My accounts report"], [], hubspot, ["1", "Contoso"]])).toBe(2);
    // By content: an unnamed website column.
    expect(
      detectCrmMapping(
        ["Account Name", "Web 2"],
        [
          ["Contoso", "contoso.com"],
          ["Fabrikam", "https://fabrikam.de"],
        ],
      ).website,
    ).toBe(1);
  });

  it("says Conflict when two keys point to different accounts, and Ambiguous for subsidiaries the name cannot settle", () => {
    const result = matchCustomers(
      {
        count: 4,
        name: ["Contoso Pharma", "Woodgrove Bank", "Litware", "Acme Group"],
        domain: ["contoso.com", "woodgrove.com", "litware.com", ""],
      },
      {
        count: 5,
        name: ["Contoso Ltd", "Contoso Pharma", "Woodgrove Bank", "Northwind", "Beta Group"],
        website: ["contoso.com", "https://www.contoso.com", "", "woodgrove.com", ""],
        accountId: ["A", "B", "C", "D", "E"],
      },
    );
    // The name settles which of the two accounts on contoso.com.
    expect(result.rows[0]).toEqual({ kind: "Domain", account: 1 });
    // Domain says Northwind, name says Woodgrove Bank.
    expect(result.rows[1].kind).toBe("Conflict");
    expect(result.rows[2].kind).toBe("Not in CRM");
    // Common words only: "Acme Group" is not "Beta Group".
    expect(matchText(result.rows[3])).toBe("Not in CRM");
  });

  it("leaves out TPIDs and tenant ids that several CRM accounts share, and reports them", () => {
    const result = matchCustomers(
      {
        count: 4,
        name: ["Zephyr Works", "Quill Partners", "Orbit Labs", "Fourth Coffee"],
        tpid: ["1001", "2002", "", "3003"],
        tenantId: ["", "", "{AAAA-1111}", ""],
      },
      {
        count: 6,
        name: ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Fourth Coffee Inc"],
        msId: ["1001", "01001", "2002", "", "", "3003"],
        tenantId: ["", "", "", "aaaa-1111", "AAAA-1111", ""],
        accountId: ["A", "B", "C", "D", "E", "F"],
      },
    );
    // 1001 is on two accounts (01001 is the same id): it identifies neither.
    expect(result.rows[0].kind).toBe("Not in CRM");
    // 2002 is on one account: it still matches.
    expect(result.rows[1]).toEqual({ kind: "TPID", account: 2 });
    // The tenant id is on two accounts (braces and case aside).
    expect(result.rows[2].kind).toBe("Not in CRM");
    // A shared id does not stop the accounts matching on other keys; 3003 agrees with the name.
    expect(result.rows[3]).toEqual({ kind: "Name", account: 5 });
    expect(result.duplicateKeys).toEqual({
      msId: { ids: ["1001"], rows: 2 },
      tenantId: { ids: ["aaaa-1111"], rows: 2 },
    });
    // Account ids are all distinct: every account is used.
    expect(result.duplicateIds).toEqual([]);
    expect(result.usableAccounts).toBe(6);
  });
});
