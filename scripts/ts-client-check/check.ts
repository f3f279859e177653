// Calls a running service through the TypeScript client generated from api-spec/openapi.yaml.
import { Configuration, TranslateApi, ChatApi, ModelsApi } from "../../target/ts-client/src/index";

const basePath = process.argv[2] ?? "http://localhost:8080";
const config = new Configuration({ basePath });

async function main(): Promise<void> {
  const translate = new TranslateApi(config);
  const one = await translate.translate({ translateRequest: { q: "Hola.", source: "es", target: "en" } });
  if (typeof one.translatedText !== "string" || one.translatedText.length === 0) throw new Error("no translation: " + JSON.stringify(one));
  const many = await translate.translate({ translateRequest: { q: ["Hola.", "Gracias."], source: "auto", target: "en" } });
  if (!Array.isArray(many.translatedText) || many.translatedText.length !== 2) throw new Error("array q: " + JSON.stringify(many));
  const languages = await translate.listLanguages();
  const chat = new ChatApi(config);
  const first = await chat.chat({ chatRequest: { message: "Hello!", language: "en" } });
  const second = await chat.chat({ chatRequest: { message: "How are you?", conversationId: first.conversationId } });
  if (second.turn !== 2) throw new Error("second turn: " + JSON.stringify(second));
  const models = await new ModelsApi(config).listModels();
  let status = 0;
  try {
    await translate.translate({ translateRequest: { q: "", source: "es", target: "en" } });
  } catch (e: any) {
    status = e?.response?.status ?? 0;
  }
  if (status !== 400) throw new Error("empty q should be 400, got " + status);
  console.log(`typescript client OK: "${one.translatedText}", ${languages.length} source language(s), ` +
    `chat turn ${second.turn}, ${models.length} model(s), empty q -> ${status}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
