// Reconnect delays: exponential with full jitter, so that a room full of
// phones waking up together does not knock on the server at the same instant.
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(15000, 500 * Math.pow(2, attempt));
  return 250 + Math.floor(random() * ceiling);
}
