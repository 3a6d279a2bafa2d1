// The clickers as the chair sees them (gavelctl clicker list, on screen):
// who holds which device (pair and unpair here), battery and signal, when
// each was last heard from, its base station, and, while a vote is open,
// which paired devices' holders have voted. The fleet is not pushed with
// the meeting's events, so the card asks for it every few seconds.
import { useEffect, useState } from "preact/hooks";
import type { ClickerBase, ClickerDevice, ClickerFleet } from "../gen/gavel/v1/envelope_pb";
import type { MeetingSnapshot } from "../gen/gavel/v1/meeting_pb";
import { serverMessage, t } from "../i18n/i18n";
import type { AskBody, Session } from "../meeting/session";
import { Card } from "../ui/common";
import { PersonOptions } from "../ui/roster";
import { num } from "../wire/int64";

const kRefreshMs = 5000;
const kLowBattery = 20; // percent
const kPoorSignal = -85; // dBm
const kSilentMs = 60000; // four missed heartbeats

type Health = { battery: number; signal: number; heard: number; connected: boolean };

function healthOf(x: ClickerDevice | ClickerBase): Health {
  return { battery: x.health ? x.health.batteryPercent : -1, signal: x.health ? x.health.signalDbm : 0, heard: num(x.lastHeardMs), connected: x.connected };
}

function lowBattery(h: Health): boolean {
  return h.heard !== 0 && h.battery >= 0 && h.battery <= kLowBattery;
}

function silent(h: Health, now: number): boolean {
  return h.heard === 0 || now - h.heard > kSilentMs;
}

function ago(ms: number, now: number): string {
  if (!ms) return t("neverHeard");
  const s = Math.max(0, Math.round((now - ms) / 1000));
  return s < 90 ? t("secondsAgo", s) : t("minutesAgo", Math.round(s / 60));
}

function HealthCells({ h, now }: { h: Health; now: number }) {
  return (
    <>
      <td data-label={t("battery")} class={lowBattery(h) ? "warn-cell" : ""}>{h.heard && h.battery >= 0 ? `${h.battery}%` : "—"}</td>
      <td data-label={t("signal")} class={h.signal && h.signal < kPoorSignal ? "warn-cell" : ""}>{h.signal ? `${h.signal} dBm` : "—"}</td>
      <td data-label={t("lastHeard")} class={silent(h, now) ? "warn-cell" : ""}>
        {h.connected ? t("clickerOnline") : t("clickerOffline")} · {ago(h.heard, now)}
      </td>
    </>
  );
}

export function ClickersCard({ session, s }: { session: Session; s: MeetingSnapshot }) {
  const [fleet, setFleet] = useState<ClickerFleet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const ask = (body: AskBody, device?: string) => {
    if (device) setBusy(device);
    return session.ask(body).then((reply) => {
      if (device) setBusy(null);
      if (reply && reply.body.case === "clickerFleet") {
        setFleet(reply.body.value);
        setError(null);
      } else if (reply && reply.body.case === "error") setError(serverMessage(reply.body.value));
    });
  };
  const list = () => ask({ case: "clickerAdmin", value: { action: { case: "list", value: {} } } });
  useEffect(() => {
    list();
    const timer = window.setInterval(() => {
      if (session.status === "online" && document.visibilityState === "visible") list();
    }, kRefreshMs);
    return () => window.clearInterval(timer);
  }, [session]);

  const now = session.serverNow();
  const devices = fleet ? fleet.devices.filter((d) => !d.revoked) : [];
  const bases = fleet ? fleet.bases.filter((b) => !b.revoked) : [];
  const voteOpen = !!(s.currentVote && num(s.currentVote.id) !== 0 && s.currentVote.open);
  const paired = devices.filter((d) => d.participantId);
  const low = devices.filter((d) => lowBattery(healthOf(d))).length;
  const quiet = devices.filter((d) => silent(healthOf(d), now)).length;
  const online = devices.filter((d) => d.connected).length;
  return (
    <Card title={t("clickers")} id="clickers" class="wide">
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {!fleet ? (
        <p class="muted">{t("connecting")}</p>
      ) : !devices.length ? (
        <p class="muted">{t("noClickers")}</p>
      ) : (
        <>
          <p data-testid="clicker-summary">
            {t("clickerSummary", devices.length, online, paired.length)}
            {low ? <span class="warn-line"> · {t("clickersLow", low)}</span> : null}
            {quiet ? <span class="warn-line"> · {t("clickersSilent", quiet)}</span> : null}
          </p>
          {voteOpen ? (
            <p class="big-state" data-testid="clicker-turnout">
              {t("clickersVoted", paired.filter((d) => d.voted).length, paired.length)}
            </p>
          ) : null}
          <div class="table-scroll">
            <table class="clickers" data-testid="clicker-table">
              <thead>
                <tr>
                  <th scope="col">{t("clickerId")}</th>
                  <th scope="col">{t("clickerHolder")}</th>
                  <th scope="col">{t("battery")}</th>
                  <th scope="col">{t("signal")}</th>
                  <th scope="col">{t("lastHeard")}</th>
                  <th scope="col">{t("baseStation")}</th>
                  {voteOpen ? <th scope="col">{t("vote")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => (
                  <tr key={d.deviceId} data-testid={`clicker-${d.deviceId}`}>
                    <th scope="row">{d.deviceId}</th>
                    <td data-label={t("clickerHolder")}>
                      {d.pool ? (
                        <span class="tag">{t("poolDevice")}</span>
                      ) : (
                        <select
                          aria-label={t("pairFor", d.deviceId)}
                          value={d.participantId}
                          disabled={busy === d.deviceId}
                          data-testid={`pair-${d.deviceId}`}
                          onChange={(e) => {
                            const who = (e.target as HTMLSelectElement).value;
                            ask(
                              who
                                ? { case: "clickerAdmin", value: { action: { case: "pair", value: { deviceId: d.deviceId, participantId: who } } } }
                                : { case: "clickerAdmin", value: { action: { case: "unpair", value: d.deviceId } } },
                              d.deviceId,
                            );
                          }}
                        >
                          <option value="">{t("unpaired")}</option>
                          <PersonOptions people={s.roster} />
                        </select>
                      )}
                    </td>
                    <HealthCells h={healthOf(d)} now={now} />
                    <td data-label={t("baseStation")}>{d.baseId || t("wifiClicker")}</td>
                    {voteOpen ? (
                      <td data-label={t("vote")} data-testid={`voted-${d.deviceId}`} class={d.voted ? "ok-cell" : ""}>
                        {d.participantId ? (d.voted ? t("alreadyVoted") : t("notVotedYet")) : "—"}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {bases.length ? (
            <div class="table-scroll">
              <table class="clickers" data-testid="base-table">
                <thead>
                  <tr>
                    <th scope="col">{t("baseStation")}</th>
                    <th scope="col">{t("relayed")}</th>
                    <th scope="col">{t("battery")}</th>
                    <th scope="col">{t("signal")}</th>
                    <th scope="col">{t("lastHeard")}</th>
                  </tr>
                </thead>
                <tbody>
                  {bases.map((b) => (
                    <tr key={b.baseId}>
                      <th scope="row">{b.baseId}</th>
                      <td data-label={t("relayed")}>{b.devices}</td>
                      <HealthCells h={healthOf(b)} now={now} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <p class="hint">{t("clickerHint")}</p>
        </>
      )}
    </Card>
  );
}
