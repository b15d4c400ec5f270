// The container image (Dockerfile, .dockerignore) and compose.yaml, checked without a container
// engine: every script, file and setting they name exists and is read by the code, the image runs
// as an unprivileged user with a health check, and compose orders database → migration → app.
// (Building and running the image needs Docker; see the README, "Running beyond one machine".)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import ignore from "ignore";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { repoRoot } from "@tsunagu/db/env";

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), "utf8");
const packageJson = (dir: string) =>
  JSON.parse(read(path.join(dir, "package.json"))) as { scripts: Record<string, string>; packageManager?: string; name: string };

interface Instruction {
  keyword: string;
  args: string;
}

/** the Dockerfile's instructions (comments dropped, continued lines joined) */
function dockerfile(): Instruction[] {
  const joined = read("Dockerfile")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword!.toUpperCase(), args: rest.join(" ") };
    });
}

/** the instructions of the image's last stage (the one that runs) */
function finalStage(): Instruction[] {
  const all = dockerfile();
  const lastFrom = all.map((i) => i.keyword).lastIndexOf("FROM");
  return all.slice(lastFrom);
}

/** the setting names the code reads from process.env */
function settingsReadByTheCode(): Set<string> {
  const files = ["packages/api/src/env.ts", "apps/server/src/env.ts", "packages/db/src/env.ts"];
  const names = new Set<string>();
  for (const file of files) for (const m of read(file).matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]!);
  return names;
}

describe("Dockerfile", () => {
  it("builds in one stage and runs the server package's start script in another, as a user other than root", () => {
    const all = dockerfile();
    expect(all.filter((i) => i.keyword === "FROM").length).toBeGreaterThanOrEqual(2);
    const run = all.filter((i) => i.keyword === "RUN").map((i) => i.args);
    expect(run.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    // `npm run build` builds the web app (apps/web/dist, which the server serves)
    expect(run.some((r) => /\bnpm run build\b/.test(r))).toBe(true);
    expect(packageJson(".").scripts.build).toBeDefined();
    expect(packageJson("apps/web").scripts.build).toBeDefined();
    // the npm of package.json's packageManager (the one that honours "allowScripts")
    const npm = packageJson(".").packageManager!;
    expect(run.some((r) => r.includes(`npm install -g ${npm}`))).toBe(true);

    const last = finalStage();
    const user = last.filter((i) => i.keyword === "USER").at(-1)?.args;
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user!.split(":")[0]);
    const cmd = JSON.parse(last.find((i) => i.keyword === "CMD")!.args) as string[];
    expect(cmd.slice(0, 2)).toEqual(["npm", "run"]);
    const workspace = cmd[cmd.indexOf("-w") + 1];
    expect(workspace).toBe(packageJson("apps/server").name);
    expect(packageJson("apps/server").scripts[cmd.at(-1)!]).toBeDefined();
  });

  it("checks health through /healthz on the port the server listens on, and sets only settings the code reads", () => {
    const last = finalStage();
    const health = last.find((i) => i.keyword === "HEALTHCHECK")!.args;
    expect(health).toContain("/healthz");
    expect(health).toContain("process.env.PORT");
    expect(read("packages/api/src/http.ts")).toContain('app.get("/healthz"');
    const envNames = last.filter((i) => i.keyword === "ENV").flatMap((i) => [...i.args.matchAll(/([A-Z][A-Z0-9_]*)=/g)].map((m) => m[1]!));
    const readByCode = settingsReadByTheCode();
    for (const name of envNames.filter((n) => !/^(NPM_CONFIG_|TURBO_)/.test(n))) expect(readByCode, name).toContain(name);
    const exposed = last.find((i) => i.keyword === "EXPOSE")!.args;
    expect(envNames).toContain("PORT");
    expect(last.find((i) => i.keyword === "ENV" && i.args.includes(`PORT=${exposed}`))).toBeDefined();
  });

  it("copies only what exists, and .dockerignore leaves out installs, data and secrets but no file the build needs", () => {
    for (const copy of dockerfile().filter((i) => i.keyword === "COPY" && !i.args.includes("--from"))) {
      for (const source of copy.args.split(/\s+/).slice(0, -1)) expect(fs.existsSync(path.join(repoRoot, source)), source).toBe(true);
    }
    const ignored = ignore().add(read(".dockerignore"));
    for (const p of ["node_modules/x", "apps/web/node_modules/x", "apps/web/dist/index.html", ".data/pglite/x", ".env", ".git/HEAD"]) {
      expect(ignored.ignores(p), p).toBe(true);
    }
    const tracked = execFileSync("git", ["ls-files"], { cwd: repoRoot, encoding: "utf8" }).split("\n").filter(Boolean);
    expect(tracked.filter((file) => ignored.ignores(file))).toEqual([]);
  });
});

interface ComposeService {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: { test: string[] };
}

describe("compose.yaml", () => {
  const compose = parse(read("compose.yaml"), { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const { db, migrate, app } = compose.services;

  it("runs PostgreSQL on a named volume, then the migration once, then the app", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "db", "migrate"]);
    const [volume, mountPoint] = db!.volumes![0]!.split(":");
    expect(mountPoint).toBe("/var/lib/postgresql/data");
    expect(compose.volumes).toHaveProperty(volume!);
    expect(db!.healthcheck!.test).toContain("pg_isready");

    expect(migrate!.command).toEqual(["npm", "run", "--silent", "db:migrate"]);
    expect(packageJson(".").scripts["db:migrate"]).toBeDefined();
    expect(migrate!.depends_on).toEqual({ db: { condition: "service_healthy" } });
    expect(app!.depends_on).toEqual({ migrate: { condition: "service_completed_successfully" } });
    // one image, built from this Dockerfile, for both
    expect(migrate!.image).toBe(app!.image);
    expect(app!.build).toBe(".");
    expect(fs.existsSync(path.join(repoRoot, "Dockerfile"))).toBe(true);
  });

  it("gives the app the settings the README names, all of them read by the code, and one database for both", () => {
    const names = Object.keys(app!.environment!);
    for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET", "PUBLIC_URL", "SMTP_URL", "TRUST_PROXY"]) expect(names).toContain(name);
    const readByCode = settingsReadByTheCode();
    for (const name of names) expect(readByCode, name).toContain(name);
    expect(migrate!.environment!.DATABASE_URL).toBe(app!.environment!.DATABASE_URL);
    // the secret comes from outside, never a default written here
    expect(app!.environment!.BETTER_AUTH_SECRET).toMatch(/^\$\{BETTER_AUTH_SECRET:\?/);
    const readme = read("README.md");
    for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET", "PUBLIC_URL", "SMTP_URL", "TRUST_PROXY", "POSTGRES_PASSWORD"]) {
      expect(readme).toContain(name);
    }
  });
});
