//! Sign-up does not tell whether an address has an account (issue 6, §2):
//! a new address and an existing one get the same answer in the same time,
//! and the mail says which it was; nobody signs in to an unconfirmed
//! address; the confirmation link is single-use and expires; sign-up mail
//! is capped per address.

use std::time::{Duration, Instant};

use futures_util::future::join_all;
use serde_json::{Value, json};
use silkport_tests::{PASSWORD, TestApp};

const SIGN_UP: &str = "mutation($i: TenantCreateInput!) { tenantCreate(input: $i) {
    accessToken refreshToken expiresAt viewer { user { id } } mailSent userErrors { field code message } } }";
const CONFIRM: &str =
    "mutation($t: String!) { signupConfirm(input: {token: $t}) { accessToken userErrors { field code message } } }";

fn input(slug: &str, email: &str, password: &str) -> Value {
    json!({"i": {"tenantName": format!("Tenant {slug}"), "tenantSlug": slug, "name": "Someone", "email": email,
                 "password": password, "locale": "EN"}})
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner connection");
    let row = conn
        .query_one_raw(Statement::from_string(conn.get_database_backend(), sql.to_owned()))
        .await
        .expect("count")
        .expect("a row");
    conn.close().await.ok();
    row.try_get_by_index::<i64>(0).expect("a count")
}

fn confirm_code(answer: &Value) -> Option<String> {
    answer["data"]["signupConfirm"]["userErrors"][0]["code"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn a_new_address_and_an_existing_one_get_the_same_answer_and_the_mail_says_which() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let tenants_before = count(&app, "SELECT COUNT(*) FROM tenants").await;

    let existing = app.gql(None, SIGN_UP, input("try-existing", &owner.email, "a-guessed-pass-1")).await;
    let fresh = app.gql(None, SIGN_UP, input("try-new", "new@gamma.example.com", "a-guessed-pass-1")).await;
    assert_eq!(existing["data"], fresh["data"], "the answers differ: {existing} / {fresh}");
    assert_eq!(fresh["data"]["tenantCreate"]["mailSent"], true, "{fresh}");
    assert_eq!(fresh["data"]["tenantCreate"]["accessToken"], Value::Null);

    let note = app.queued_mails(&owner.email).await.pop().expect("a note to the existing account");
    assert_eq!(note["subject"], "You already have a Silkport account", "{note}");
    let text = note["text"].as_str().unwrap_or_default();
    assert!(text.contains(&format!("{}/forgot-password", app.url)), "{text}");
    assert!(!text.contains("a-guessed-pass-1"), "the mail repeats no password");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM tenants WHERE slug = 'try-existing'").await,
        0,
        "nothing is made for a wrong password"
    );
    let link = app.mail_link_token("new@gamma.example.com", "/confirm-signup").await;
    assert!(!link.is_empty());
    assert_eq!(count(&app, "SELECT COUNT(*) FROM tenants").await, tenants_before + 1, "the new address's tenant");
}

#[tokio::test]
async fn both_answers_take_the_same_time() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for i in 0..3 {
        let started = Instant::now();
        app.gql(None, SIGN_UP, input(&format!("known-{i}"), &owner.email, "a-guessed-pass-1")).await;
        known.push(started.elapsed());
        let started = Instant::now();
        let email = format!("new-{i}@gamma.example.com");
        app.gql(None, SIGN_UP, input(&format!("unknown-{i}"), &email, "a-guessed-pass-1")).await;
        unknown.push(started.elapsed());
    }
    known.sort();
    unknown.sort();
    let (k, u) = (known[1], unknown[1]);
    assert!(k.abs_diff(u) < Duration::from_millis(100), "median {k:?} for a known address, {u:?} for a new one");
    assert!(k >= Duration::from_millis(250), "a known address answers early: {k:?}");
}

#[tokio::test]
async fn nobody_signs_in_before_confirming_and_the_right_password_gets_a_new_link() {
    let app = TestApp::spawn().await;
    let email = "late@gamma.example.com";
    let answer = app.gql(None, SIGN_UP, input("gamma", email, PASSWORD)).await;
    assert_eq!(answer["data"]["tenantCreate"]["mailSent"], true, "{answer}");

    let wrong = app.login(email, "not-the-password-1", None).await;
    assert_eq!(wrong["data"]["sessionCreate"]["userErrors"][0]["code"], "INVALID_CREDENTIALS", "{wrong}");
    let right = app.login(email, PASSWORD, None).await;
    assert_eq!(right["data"]["sessionCreate"]["userErrors"][0]["code"], "EMAIL_UNCONFIRMED", "{right}");
    assert_eq!(right["data"]["sessionCreate"]["accessToken"], Value::Null);
    let links = app.mail_link_tokens(email, "/confirm-signup").await;
    assert_eq!(links.len(), 2, "the sign-in sent the link again");

    let owner = app.confirm_signup(email).await;
    let tenant = app.gql(Some(&owner.access_token), "{ tenant { slug } }", json!({})).await;
    assert_eq!(tenant["data"]["tenant"]["slug"], "gamma", "{tenant}");
    let signed_in = app.login(email, PASSWORD, None).await;
    assert!(signed_in["data"]["sessionCreate"]["accessToken"].is_string(), "{signed_in}");
}

#[tokio::test]
async fn a_confirmation_link_is_single_use_and_expires() {
    let app = TestApp::spawn().await;
    app.gql(None, SIGN_UP, input("gamma", "g@gamma.example.com", PASSWORD)).await;
    let link = app.mail_link_token("g@gamma.example.com", "/confirm-signup").await;
    let first = app.gql(None, CONFIRM, json!({"t": link})).await;
    assert!(first["data"]["signupConfirm"]["accessToken"].is_string(), "{first}");
    let again = app.gql(None, CONFIRM, json!({"t": link})).await;
    assert_eq!(confirm_code(&again).as_deref(), Some("LINK_USED"), "{again}");
    let forged = app.gql(None, CONFIRM, json!({"t": format!("{}x", link)})).await;
    assert_eq!(confirm_code(&forged).as_deref(), Some("INVALID_CREDENTIALS"), "{forged}");
    let garbage = app.gql(None, CONFIRM, json!({"t": "not-a-link"})).await;
    assert_eq!(confirm_code(&garbage).as_deref(), Some("INVALID_CREDENTIALS"), "{garbage}");

    app.gql(None, SIGN_UP, input("delta", "d@delta.example.com", PASSWORD)).await;
    let late = app.mail_link_token("d@delta.example.com", "/confirm-signup").await;
    domain::platform::clock::advance(chrono::Duration::hours(24) + chrono::Duration::seconds(1));
    let expired = app.gql(None, CONFIRM, json!({"t": late})).await;
    assert_eq!(confirm_code(&expired).as_deref(), Some("EXPIRED"), "{expired}");
    assert_eq!(expired["data"]["signupConfirm"]["accessToken"], Value::Null);
}

#[tokio::test]
async fn ten_concurrent_uses_of_one_link_sign_in_once() {
    let app = TestApp::spawn().await;
    app.gql(None, SIGN_UP, input("gamma", "g@gamma.example.com", PASSWORD)).await;
    let link = app.mail_link_token("g@gamma.example.com", "/confirm-signup").await;
    let answers = join_all((0..10).map(|_| app.gql(None, CONFIRM, json!({"t": link})))).await;
    let signed_in = answers.iter().filter(|a| a["data"]["signupConfirm"]["accessToken"].is_string()).count();
    assert_eq!(signed_in, 1, "{answers:?}");
    assert!(
        answers.iter().all(|a| a["data"]["signupConfirm"]["accessToken"].is_string()
            || confirm_code(a).as_deref() == Some("LINK_USED"))
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM refresh_tokens").await, 1, "one session was made");
}

#[tokio::test]
async fn concurrent_sign_ups_of_one_new_address_make_one_account() {
    let app = TestApp::spawn().await;
    let email = "burst@gamma.example.com";
    let tries = (0..10).map(|i| app.gql_patiently(None, SIGN_UP, input(&format!("burst-{i}"), email, PASSWORD)));
    let answers = join_all(tries).await;
    for answer in &answers {
        let payload = &answer["data"]["tenantCreate"];
        // Each try is an attempt on the address: past five it is locked.
        let locked = payload["userErrors"][0]["code"] == "TOO_MANY_ATTEMPTS";
        assert!(payload["mailSent"] == true || locked, "{answer}");
    }
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM users WHERE email = 'burst@gamma.example.com'").await,
        1,
        "{answers:?}"
    );
    let links = app.mail_link_tokens(email, "/confirm-signup").await.len() as u64;
    assert!((1..=domain::identity::signup_links::MAILS_PER_ADDRESS).contains(&links), "{links} links for one address");
    let tenants = count(&app, "SELECT COUNT(*) FROM tenants WHERE slug LIKE 'burst-%'").await;
    assert_eq!(tenants as u64, links, "a tenant for each link sent, none without one");
}

#[tokio::test]
async fn sign_up_mail_is_capped_per_address() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let mails_before = app.queued_mails(&owner.email).await.len();
    for i in 0..6 {
        let answer = app.gql(None, SIGN_UP, input(&format!("cap-{i}"), &owner.email, "a-guessed-pass-1")).await;
        let code = answer["data"]["tenantCreate"]["userErrors"][0]["code"].as_str().map(str::to_owned);
        // The fifth wrong password locks the address, as it would at sign-in.
        assert!(code.is_none() || code.as_deref() == Some("TOO_MANY_ATTEMPTS"), "{answer}");
    }
    let notes = app.queued_mails(&owner.email).await.len() - mails_before;
    assert_eq!(notes as u64, domain::identity::signup_links::MAILS_PER_ADDRESS, "notes sent for six sign-ups");
}

#[tokio::test]
async fn a_locked_address_answers_alike_with_and_without_an_account() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    for i in 0..5 {
        app.gql(None, SIGN_UP, input(&format!("lock-{i}"), &owner.email, "a-guessed-pass-1")).await;
        app.login("nobody@alpha.example.com", "a-guessed-pass-1", None).await;
    }
    let known = app.gql(None, SIGN_UP, input("lock-known", &owner.email, "a-guessed-pass-1")).await;
    let unknown = app.gql(None, SIGN_UP, input("lock-unknown", "nobody@alpha.example.com", "a-guessed-pass-1")).await;
    let code = |a: &Value| a["data"]["tenantCreate"]["userErrors"][0]["code"].clone();
    assert_eq!(code(&known), "TOO_MANY_ATTEMPTS", "{known}");
    assert_eq!(code(&unknown), "TOO_MANY_ATTEMPTS", "{unknown}");
}

#[tokio::test]
async fn an_existing_verified_account_opens_another_tenant_with_its_own_password_at_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let answer = app.gql(None, SIGN_UP, input("alpha-two", &owner.email, PASSWORD)).await;
    let payload = &answer["data"]["tenantCreate"];
    assert_eq!(payload["mailSent"], false, "{answer}");
    let token = payload["accessToken"].as_str().expect("signed in");
    let tenant = app.gql(Some(token), "{ tenant { slug } viewer { role } }", json!({})).await;
    assert_eq!(tenant["data"]["tenant"]["slug"], "alpha-two");
    assert_eq!(tenant["data"]["viewer"]["role"], "OWNER");
}

#[tokio::test]
async fn repeated_sign_ups_lock_an_address_alike_with_and_without_an_account() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let code = |a: &Value| a["data"]["tenantCreate"]["userErrors"][0]["code"].as_str().map(str::to_owned);
    let mut known = Vec::new();
    let mut fresh = Vec::new();
    for i in 0..7 {
        let guess = "same-guess-zz-1";
        known.push(code(&app.gql(None, SIGN_UP, input(&format!("k-{i}"), &owner.email, guess)).await));
        fresh.push(code(&app.gql(None, SIGN_UP, input(&format!("f-{i}"), "erin@gamma.example.com", guess)).await));
    }
    assert_eq!(known, fresh, "an existing and a new address answer alike, try by try");
    assert_eq!(fresh[5].as_deref(), Some("TOO_MANY_ATTEMPTS"), "{fresh:?}");
}

#[tokio::test]
async fn a_sign_up_that_opened_nothing_holds_its_slug_like_one_that_did() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    app.gql(None, SIGN_UP, input("held-existing", &owner.email, "a-guessed-pass-1")).await;
    app.gql(None, SIGN_UP, input("held-new", "new@gamma.example.com", "a-guessed-pass-1")).await;
    let taken = |a: &Value| a["data"]["tenantCreate"]["userErrors"][0]["code"].clone();
    let third = |slug: &str| input(slug, "third@delta.example.com", PASSWORD);
    let existing = app.gql(None, SIGN_UP, third("held-existing")).await;
    let new = app.gql(None, SIGN_UP, third("held-new")).await;
    assert_eq!((taken(&existing), taken(&new)), (json!("TAKEN"), json!("TAKEN")), "{existing} / {new}");

    // The owner, now with the right password, may still use the slug they tried.
    let own = app.gql(None, SIGN_UP, input("held-existing", &owner.email, PASSWORD)).await;
    assert!(own["data"]["tenantCreate"]["accessToken"].is_string(), "{own}");

    // A day later both slugs are free again: the hold ran out, the unconfirmed tenant lapsed.
    domain::platform::clock::advance(chrono::Duration::hours(24) + chrono::Duration::minutes(1));
    let purged = domain::identity::retention::purge_sessions(&app.state.db).await.expect("purge");
    assert_eq!(purged.lapsed_signups, 1, "{purged:?}");
    let again = app.gql(None, SIGN_UP, third("held-new")).await;
    assert_eq!(again["data"]["tenantCreate"]["mailSent"], true, "{again}");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM tenants WHERE slug = 'held-new'").await, 1);
}

#[tokio::test]
async fn following_one_link_spends_the_others_and_a_reset_spends_them_too() {
    let app = TestApp::spawn().await;
    let email = "bob@gamma.example.com";
    app.gql(None, SIGN_UP, input("gamma", email, PASSWORD)).await;
    app.login(email, PASSWORD, None).await;
    let links = app.mail_link_tokens(email, "/confirm-signup").await;
    assert_eq!(links.len(), 2, "the sign-in mailed a second link");
    let first = app.gql(None, CONFIRM, json!({"t": links[1]})).await;
    assert!(first["data"]["signupConfirm"]["accessToken"].is_string(), "{first}");
    let older = app.gql(None, CONFIRM, json!({"t": links[0]})).await;
    assert_eq!(confirm_code(&older).as_deref(), Some("LINK_USED"), "the other link still signed in: {older}");

    let email = "carol@delta.example.com";
    app.gql(None, SIGN_UP, input("delta", email, PASSWORD)).await;
    app.gql(
        None,
        "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { userErrors { code } } }",
        json!({"e": email}),
    )
    .await;
    let reset = app.mail_link_token(email, "/reset-password").await;
    let done = app
        .gql(None, "mutation($t: String!) { passwordReset(input: {token: $t, password: \"brand-new-pass-7\"}) { userErrors { code } } }", json!({"t": reset}))
        .await;
    assert_eq!(done["data"]["passwordReset"]["userErrors"], json!([]), "{done}");
    let link = app.mail_link_token(email, "/confirm-signup").await;
    let after_reset = app.gql(None, CONFIRM, json!({"t": link})).await;
    assert_eq!(confirm_code(&after_reset).as_deref(), Some("LINK_USED"), "{after_reset}");
    let signed_in = app.login(email, "brand-new-pass-7", None).await;
    assert!(signed_in["data"]["sessionCreate"]["accessToken"].is_string(), "the reset proved the address: {signed_in}");
}
