// A client's code against the types openapi-typescript generates from openapi.yaml
// (OpenApiTypeScriptTests compiles it with tsc --strict). It must compile as it is, and the line
// after each expect-error directive must be an error: a call the server would answer with a 400.
import type { paths } from "./judgements-api";

type ChangesQuery = paths["/v1/changes"]["get"]["parameters"]["query"];
type MovementsQuery = paths["/v1/statistics/movements"]["get"]["parameters"]["query"];
type BadgeQuery = NonNullable<paths["/v1/councils/{id}/badge.svg"]["get"]["parameters"]["query"]>;
type ChangesPage = paths["/v1/changes"]["get"]["responses"][200]["content"]["application/json"];
type Council = paths["/v1/councils/{id}"]["get"]["responses"][200]["content"]["application/json"];

export function changesUrl(query: ChangesQuery): string {
  return "/v1/changes?" + new URLSearchParams({ since: query.since });
}

export function movementsUrl(query: MovementsQuery): string {
  return "/v1/statistics/movements?" + new URLSearchParams({ from: query.from, ...(query.to ? { to: query.to } : {}) });
}

// Required properties are typed as always there: no optional chaining needed.
export function versionsSince(page: ChangesPage): string[] {
  return [...page.versions.map((v) => v.version), page.current.version];
}

export function councilName(council: Council): string {
  return `${council.name} (${council.code})`;
}

export const sizes: BadgeQuery["size"][] = ["small", "medium", "large"];

// @ts-expect-error `since` is required: /v1/changes without it is a 400.
export const noSince: ChangesQuery = {};

// @ts-expect-error `from` is required: /v1/statistics/movements without it is a 400.
export const noFrom: MovementsQuery = { to: "2025-12-31" };

// @ts-expect-error `size` is a closed set.
export const hugeBadge: BadgeQuery = { size: "huge" };
