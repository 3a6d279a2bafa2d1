import { render } from "preact";
import { Session } from "../meeting/session";
import "../ui/styles.css";
import { ParticipantApp } from "./app";

const session = new Session("participant");
render(<ParticipantApp session={session} />, document.getElementById("app")!);
session.start();
