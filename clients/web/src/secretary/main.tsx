import { render } from "preact";
import { Session } from "../meeting/session";
import "../ui/styles.css";
import { SecretaryApp } from "./app";

const session = new Session("secretary");
render(<SecretaryApp session={session} />, document.getElementById("app")!);
session.start();
