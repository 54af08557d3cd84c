//! `docs/partner-guide.md` is the contract with partners: its `sh` blocks
//! run, in order and as written, against a fresh `silkport serve` on the
//! embedded default (the demo), over HTTP only, and do what the guide
//! says they do.

use silkport_tests::served::Served;

#[tokio::test]
async fn the_partner_guide_runs_as_written() {
    let served = Served::start(&[]).await;
    let guide_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/partner-guide.md");
    let guide = std::fs::read_to_string(guide_path).expect("the partner guide");
    let mut script = String::from("set -euo pipefail\n");
    let mut rest = guide.as_str();
    while let Some(start) = rest.find("```sh\n") {
        let body = &rest[start + 6..];
        let end = body.find("```").expect("a closed sh block");
        script.push_str(&body[..end]);
        rest = &body[end + 3..];
    }
    assert!(script.lines().count() > 40, "the guide's commands were found: {script}");
    let run = tokio::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env("BASE", &served.url)
        .output()
        .await
        .expect("run bash");
    let out = String::from_utf8_lossy(&run.stdout);
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "the guide failed:\n{out}\n{err}\nserver log:\n{}", served.log());
    for promised in [
        "\"status\":\"RECEIVED\",\"progress\":1.0",
        "retry answered the first order gid://silkport/Order/",
        "ALLOCATED",
        "'shipTo', 'postalCode'",
        "DEMO-M1,GUIDE-TEA-100,LAX1,22,0,0,0,0,0,22",
        "\"reference\":\"SHOP-GUIDE-1\",\"status\":\"SHIPPED\"",
        "\"carrier\":\"SIMULATED\",\"trackingNumber\":\"SIM",
    ] {
        assert!(out.contains(promised), "the guide's output lacks `{promised}`:\n{out}");
    }
}
