import { render } from "preact";
import { Session } from "../meeting/session";
import "../ui/styles.css";
import { ChairApp } from "./app";

const session = new Session("chair");
render(<ChairApp session={session} />, document.getElementById("app")!);
session.start();
