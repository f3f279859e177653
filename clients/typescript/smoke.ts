// Calls a running service through the TypeScript client generated from api-spec/openapi.yaml.
//   node dist/smoke.js http://localhost:8080                          # a service with keys off
//   SEQ2SEQ_API_KEY=s2s_... node dist/smoke.js http://localhost:8080  # seq2seq.auth.mode=required
// With a key it also checks that a request without one gets 401 problem+json with WWW-Authenticate,
// that the key works as a bearer token (Configuration.accessToken) and as an X-API-Key header
// (Configuration.apiKey), and that a wrong key gets 403. The key comes from the environment, not
// the command line, so that it does not show in the process list.
import { ChatApi, Configuration, ModelsApi, ResponseError, SettingsApi, TranslateApi } from "./generated/src/index";

const basePath = process.argv[2] ?? "http://localhost:8080";
const key = process.env.SEQ2SEQ_API_KEY?.trim() || undefined;

function check(ok: boolean, what: string, detail: unknown): void {
  if (!ok) throw new Error(`${what}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
}

/** The status, content type, WWW-Authenticate and problem+json body of a call that must fail. */
async function refusal(call: () => Promise<unknown>): Promise<{ status: number; type: string; challenge: string; problem: any }> {
  try {
    const body = await call();
    throw new Error("expected a refusal, got 2xx: " + JSON.stringify(body));
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e;
    const r = e.response;
    return {
      status: r.status,
      type: r.headers.get("content-type") ?? "",
      challenge: r.headers.get("www-authenticate") ?? "",
      problem: await r.json().catch(() => null),
    };
  }
}

/** The contract checks, through a client configured one way: translate (one text, an array), chat (two turns). */
async function use(config: Configuration): Promise<string> {
  const translate = new TranslateApi(config);
  const one = await translate.translate({ translateRequest: { q: "Hola.", source: "es", target: "en" } });
  check(typeof one.translatedText === "string" && one.translatedText.length > 0, "no translation", one);
  const many = await translate.translate({ translateRequest: { q: ["Hola.", "Gracias."], source: "auto", target: "en" } });
  check(Array.isArray(many.translatedText) && many.translatedText.length === 2, "array q", many);
  const chat = new ChatApi(config);
  const first = await chat.chat({ chatRequest: { message: "Hello!", language: "en" } });
  const second = await chat.chat({ chatRequest: { message: "How are you?", conversationId: first.conversationId } });
  check(second.turn === 2, "second turn", second);
  return `translate "${one.translatedText}", chat turn ${second.turn}`;
}

async function main(): Promise<void> {
  const settings = await new SettingsApi(new Configuration({ basePath })).getSettings();
  const languages = await new TranslateApi(new Configuration({ basePath })).listLanguages();
  const models = await new ModelsApi(new Configuration({ basePath })).listModels();
  console.log(`service at ${basePath}: auth mode ${settings.authMode}, ${languages.length} source language(s), ${models.length} model(s)`);

  if (key === undefined) {
    check(settings.authMode !== "required", "the service requires API keys", "set SEQ2SEQ_API_KEY to a key from `keys add`");
    const open = new Configuration({ basePath });
    console.log("no key: " + (await use(open)));
    const empty = await refusal(() => new TranslateApi(open).translate({ translateRequest: { q: "", source: "es", target: "en" } }));
    check(empty.status === 400 && empty.type.startsWith("application/problem+json"), "empty q should be 400 problem+json", empty);
    console.log("empty q: 400 problem+json");
    console.log("typescript client OK");
    return;
  }

  check(settings.authMode === "required", "with a key this checks a service in mode required", settings.authMode);
  const anonymous = new Configuration({ basePath });
  for (const [name, call] of [
    ["translate", () => new TranslateApi(anonymous).translate({ translateRequest: { q: "Hola.", source: "es", target: "en" } })],
    ["chat", () => new ChatApi(anonymous).chat({ chatRequest: { message: "Hello!", language: "en" } })],
  ] as const) {
    const r = await refusal(call);
    check(r.status === 401 && r.type.startsWith("application/problem+json") && r.problem?.status === 401,
      `${name} without a key should be 401 problem+json`, r);
    check(r.challenge.startsWith("Bearer"), `${name} without a key should carry WWW-Authenticate: Bearer`, r);
    console.log(`without a key: ${name} 401 problem+json, WWW-Authenticate: ${r.challenge}`);
  }

  // the key as a bearer token (security scheme bearerKey) and as an X-API-Key header (headerKey)
  console.log("key as Authorization: Bearer: " + (await use(new Configuration({ basePath, accessToken: key }))));
  console.log("key as X-API-Key: " + (await use(new Configuration({ basePath, apiKey: key }))));

  const withKey = new Configuration({ basePath, accessToken: key });
  const empty = await refusal(() => new TranslateApi(withKey).translate({ translateRequest: { q: "", source: "es", target: "en" } }));
  check(empty.status === 400 && empty.type.startsWith("application/problem+json"), "empty q should be 400 problem+json", empty);
  console.log("with the key, empty q: 400 problem+json");

  const wrong = await refusal(() => new TranslateApi(new Configuration({ basePath, accessToken: "s2s_not-a-key" }))
    .translate({ translateRequest: { q: "Hola.", source: "es", target: "en" } }));
  check(wrong.status === 403 && wrong.type.startsWith("application/problem+json"), "a wrong key should be 403 problem+json", wrong);
  console.log("a wrong key: 403 problem+json");
  console.log("typescript client OK (keys required)");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
