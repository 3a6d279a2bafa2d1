// 64-bit protobuf fields are bigint where the browser has BigInt and strings
// where it does not (protobuf-es detects this at run time): the pages read
// them through Number() and make them through protoInt64, never with BigInt.
import { protoInt64 } from "@bufbuild/protobuf";

export const u64 = (n: number | string): bigint => protoInt64.uParse(n);
export const i64 = (n: number | string): bigint => protoInt64.parse(n);
export const num = (v: bigint | string | number | undefined | null): number => (v == null ? 0 : Number(v));
