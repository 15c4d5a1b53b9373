/* The aftercare rules of the Child Welfare Act (417/2007) 75 §, in one place.
 *
 * Used by aftercare-checker.js in the page; tests/test_reader_features_browser.py and
 * tests/test_rtl_browser.py drive it in the browser.
 * Dates are plain calendar dates (no time zones): {y, m, d} with m = 1..12.
 *
 * Entitled (75 § 1 mom.): after a care order (taking into care) has ended, or after a
 * placement of the child alone as an open-care support measure (37 §) that lasted at
 * least 6 months without a break (time in emergency placement alone counts, KHO:2016:92).
 * The right ends at whichever comes first (75 § 3 mom., since 1.1.2024):
 *   - 5 years after the young person was last a child welfare client after the placement
 *     ended; the checker counts from the placement's end, the earliest that day can be, and
 *     its text (checker_rule_years) says the right ends later if they were a client after it, or
 *   - the 23rd birthday.
 * A period that ends on a day the month does not have (29 February) ends on the last day
 * of that month, as in the Act on the Calculation of Statutory Time Limits (150/1930).
 * See facts/aftercare.md for the sources.
 */
(function (root) {
  "use strict";

  function parse(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    if (!m) return null;
    var date = { y: +m[1], m: +m[2], d: +m[3] };
    return date.m >= 1 && date.m <= 12 && date.d >= 1 && date.d <= daysIn(date.y, date.m) ? date : null;
  }
  function daysIn(y, m) {
    return new Date(Date.UTC(y, m, 0)).getUTCDate();
  }
  function key(a) {
    return a.y * 10000 + a.m * 100 + a.d;
  }
  function format(a) {
    return a.y + "-" + String(a.m).padStart(2, "0") + "-" + String(a.d).padStart(2, "0");
  }
  function addMonths(a, n) {
    var total = a.y * 12 + (a.m - 1) + n;
    var y = Math.floor(total / 12), m = (total % 12) + 1;
    return { y: y, m: m, d: Math.min(a.d, daysIn(y, m)) };
  }
  function addDays(a, n) {
    var t = new Date(Date.UTC(a.y, a.m - 1, a.d + n));
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }

  /* input: {birth, kind: "care" | "open" | "other", start, end, today} as "YYYY-MM-DD".
     result: {status: "entitled" | "ended" | "not-entitled" | "invalid", ends, rule} */
  function evaluate(input) {
    var birth = parse(input.birth), end = parse(input.end), today = parse(input.today);
    var start = input.kind === "open" ? parse(input.start) : null;
    if (!birth || !end || !today || (input.kind === "open" && !start)) return { status: "invalid" };
    if (key(end) < key(birth) || (start && (key(end) < key(start) || key(start) < key(birth)))) {
      return { status: "invalid" };
    }
    if (input.kind !== "care" && input.kind !== "open") return { status: "not-entitled", rule: "other" };
    if (input.kind === "open" && key(end) < key(addDays(addMonths(start, 6), -1))) {
      return { status: "not-entitled", rule: "short" };
    }
    var age23 = addMonths(birth, 23 * 12), years5 = addMonths(end, 5 * 12);
    var byAge = key(age23) <= key(years5);
    var ends = byAge ? age23 : years5;
    return { status: key(today) >= key(ends) ? "ended" : "entitled", ends: format(ends), rule: byAge ? "age" : "years" };
  }

  root.AftercareRules = { evaluate: evaluate, parse: parse };
})(typeof window !== "undefined" ? window : this);
