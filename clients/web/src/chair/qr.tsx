// A participant's personal QR code, for someone standing at the desk: the
// server hands out the join link and code on the chair's request.
import qrcode from "qrcode-generator";
import { useEffect, useState } from "preact/hooks";
import type { JoinLink } from "../gen/gavel/v1/envelope_pb";
import { serverMessage, t } from "../i18n/i18n";
import type { Session } from "../meeting/session";

function svgFor(url: string): string {
  const qr = qrcode(0, "M");
  qr.addData(url);
  qr.make();
  return qr.createSvgTag({ cellSize: 6, margin: 2, scalable: true });
}

export function PersonalQr(props: { session: Session; participantId: string; name: string; onClose: () => void }) {
  const [link, setLink] = useState<JoinLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!props.session.link) return;
    props.session.link.joinLink(props.participantId).then((answer) => {
      if (!answer) setError(t("lost"));
      else if (answer.$typeName === "gavel.v1.JoinLink") setLink(answer);
      else setError(serverMessage(answer));
    });
  }, [props.participantId]);
  return (
    <div class="card qr wide" role="dialog" aria-label={`${t("personalQr")}: ${props.name}`} data-testid="personal-qr">
      <h2>
        {t("personalQr")}: {props.name}
      </h2>
      {link ? (
        <>
          <div dangerouslySetInnerHTML={{ __html: svgFor(link.url) }} />
          <p>{t("qrHelp")}</p>
          <p>
            <code class="join-code" data-testid="qr-code-text">
              {link.code}
            </code>
          </p>
          <p class="muted">
            <small data-testid="qr-url">{link.url}</small>
          </p>
        </>
      ) : error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : (
        <p>{t("connecting")}</p>
      )}
      <button type="button" class="btn plain" onClick={props.onClose}>
        {t("close")}
      </button>
    </div>
  );
}
