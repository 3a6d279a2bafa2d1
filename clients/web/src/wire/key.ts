// Random keys for idempotency: a command's command_key, a ballot's press id.
// 64 bits from the browser's CSPRNG (available on plain http too), as hex.
export function randomKey(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
  return out;
}
