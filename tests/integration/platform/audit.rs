//! Every mutation writes one audit entry that says in full who did what to
//! what: actor (kind, id, label), action, subject, the state before and
//! after, and the request. Each step below runs one mutation and checks its
//! entry field by field ([`TestApp::assert_latest_audit`]); a mutation the
//! schema gains fails `every_mutation_is_audited_here` until it has a step.

use serde_json::{Value, json};
use silkport_tests::audit::{api_client, user};
use silkport_tests::{PASSWORD, TestApp};

/// The schema's mutations, each with a step in `every_mutation_writes_a_complete_audit_entry`.
const MUTATIONS: [&str; 56] = [
    "tenantUpdate",
    "accountUpdate",
    "memberInvite",
    "invitationAccept",
    "invitationResend",
    "invitationRevoke",
    "memberRoleChange",
    "memberRemove",
    "apiClientCreate",
    "apiClientRevoke",
    "jobRetry",
    "merchantCreate",
    "merchantUpdate",
    "warehouseCreate",
    "warehouseUpdate",
    "locationCreate",
    "locationUpdate",
    "locationsGenerate",
    "productCreate",
    "productUpdate",
    "skuCreate",
    "skuUpdate",
    "inventoryAdjust",
    "inventorySetOnHand",
    "inventoryMove",
    "inventorySetSafetyStock",
    "stockTransferCreate",
    "stockTransferReceive",
    "stockTransferCancel",
    "cycleCountCreate",
    "cycleCountSubmit",
    "cycleCountDecide",
    "orderCreate",
    "orderCancel",
    "skuImportStart",
    "orderImportStart",
    "inboundCreate",
    "inboundReceive",
    "inboundPutaway",
    "inboundClose",
    "inboundCancel",
    "waveCreate",
    "pickConfirm",
    "packageCreate",
    "orderShip",
    "shipmentTrackingReport",
    "returnCreate",
    "returnReceive",
    "returnInspect",
    "sessionCreate",
    "sessionRefresh",
    "passwordResetRequest",
    "passwordReset",
    "sessionRevoke",
    "tenantCreate",
    "signupConfirm",
];

/// The request id a step's mutation is sent with.
fn request_id(mutation: &str) -> String {
    format!("audit-{mutation}")
}

/// Runs `mutation` (named `name`) with its own request id and returns its
/// payload, which must have no user errors.
async fn run(app: &TestApp, token: Option<&str>, name: &str, mutation: &str, variables: Value) -> Value {
    let response = app.gql_traced(token, Some(&request_id(name)), mutation, variables).await;
    let payload = response["data"][name].clone();
    assert_eq!(payload["userErrors"], json!([]), "{name} failed: {response}");
    payload
}

fn tenant_view(name: &str, modules: &[&str]) -> Value {
    json!({"name": name, "slug": "alpha", "modules": modules, "defaultLocale": "en", "timezone": "UTC"})
}

#[tokio::test]
async fn every_mutation_writes_a_complete_audit_entry() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let t = Some(owner.access_token.as_str());
    // The log is read by a partner client, which the owner's password reset leaves signed in.
    let token = app.partner_token(&owner, "AUDIT_READ").await;
    let me = app.gql(t, "{ viewer { user { id } } }", json!({})).await["data"]["viewer"]["user"]["id"].clone();
    let me = me.as_str().expect("owner's id").to_owned();
    let owner_actor = user(&me, &owner.email);
    let mut checked = Vec::new();

    let before = app.gql(t, "{ tenant { modules } }", json!({})).await;
    let modules: Vec<String> = before["data"]["tenant"]["modules"]
        .as_array()
        .expect("modules")
        .iter()
        .map(|m| m.as_str().expect("module").to_lowercase())
        .collect();
    let modules: Vec<&str> = modules.iter().map(String::as_str).collect();
    run(
        &app,
        t,
        "tenantUpdate",
        "mutation { tenantUpdate(input: {name: \"Alpha Trading\", modules: [WAREHOUSING]}) { userErrors { code } } }",
        json!({}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "tenant.update", "actor": owner_actor, "subjectId": owner.tenant_id,
               "before": tenant_view("Tenant alpha", &modules), "after": tenant_view("Alpha Trading", &["warehousing"]),
               "requestId": request_id("tenantUpdate")}),
    )
    .await;
    checked.push("tenantUpdate");

    run(
        &app,
        t,
        "accountUpdate",
        "mutation { accountUpdate(input: {name: \"Li Wei\", locale: ZH_CN}) { userErrors { code } } }",
        json!({}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "user.update", "actor": user(&me, &owner.email), "subjectId": me,
               "before": {"name": "Owner", "locale": "en"}, "after": {"name": "Li Wei", "locale": "zh-CN"},
               "requestId": request_id("accountUpdate")}),
    )
    .await;
    checked.push("accountUpdate");

    let invite = "mutation($e: String!) { memberInvite(input: {email: $e, role: VIEWER}) { invitation { id } userErrors { code } } }";
    let second = "second@alpha.example.com";
    let invited = run(&app, t, "memberInvite", invite, json!({"e": second})).await;
    let invitation = invited["invitation"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "member.invite", "actor": owner_actor, "subjectId": invitation,
               "after": {"email": second, "role": "viewer", "merchantId": null, "locale": "en"},
               "requestId": request_id("memberInvite")}),
    )
    .await;
    checked.push("memberInvite");

    let accept = "mutation($t: String!) { invitationAccept(input: {token: $t, name: \"Second\", password: \"different-pass-12\"}) { viewer { user { id } } userErrors { code } } }";
    let link = app.mail_link_token(second, "/accept-invite").await;
    let joined = run(&app, None, "invitationAccept", accept, json!({"t": link})).await;
    let second_id = joined["viewer"]["user"]["id"].as_str().expect("the new member's id").to_owned();
    let members = app.gql(t, "{ members(first: 5) { nodes { id user { email } } } }", json!({})).await;
    let member = members["data"]["members"]["nodes"]
        .as_array()
        .and_then(|n| n.iter().find(|m| m["user"]["email"] == second))
        .map(|m| m["id"].clone())
        .unwrap_or_else(|| panic!("the new member is listed: {members}"));
    app.assert_latest_audit(
        &token,
        json!({"action": "member.join", "actor": user(&second_id, second), "subjectId": member,
               "after": {"user": second, "role": "viewer", "merchantId": null, "invitation": invitation},
               "requestId": request_id("invitationAccept")}),
    )
    .await;
    checked.push("invitationAccept");

    let third = "third@alpha.example.com";
    let pending = app.gql(t, invite, json!({"e": third})).await["data"]["memberInvite"]["invitation"]["id"].clone();
    run(
        &app,
        t,
        "invitationResend",
        "mutation($id: ID!) { invitationResend(input: {id: $id}) { userErrors { code } } }",
        json!({"id": pending}),
    )
    .await;
    let resent = app.latest_audit_entry(&token).await;
    let (was, now) = (&resent["before"]["expiresAt"], &resent["after"]["expiresAt"]);
    let time = |v: &Value| chrono::DateTime::parse_from_rfc3339(v.as_str().expect("an expiry")).expect("RFC 3339");
    assert!(time(now) > time(was), "a resend moves the expiry: {resent}");
    app.assert_latest_audit(
        &token,
        json!({"action": "invitation.resend", "actor": owner_actor, "subjectId": pending,
               "before": {"email": third, "expiresAt": was}, "after": {"email": third, "expiresAt": now},
               "requestId": request_id("invitationResend")}),
    )
    .await;
    checked.push("invitationResend");
    run(
        &app,
        t,
        "invitationRevoke",
        "mutation($id: ID!) { invitationRevoke(input: {id: $id}) { userErrors { code } } }",
        json!({"id": pending}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "invitation.revoke", "actor": owner_actor, "subjectId": pending,
               "before": {"email": third, "revoked": false}, "after": {"email": third, "revoked": true},
               "requestId": request_id("invitationRevoke")}),
    )
    .await;
    checked.push("invitationRevoke");

    run(
        &app,
        t,
        "memberRoleChange",
        "mutation($m: ID!) { memberRoleChange(input: {memberId: $m, role: OPERATOR}) { userErrors { code } } }",
        json!({"m": member}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "member.role_change", "actor": owner_actor, "subjectId": member,
               "before": {"user": second, "role": "viewer", "merchantId": null},
               "after": {"user": second, "role": "operator", "merchantId": null},
               "requestId": request_id("memberRoleChange")}),
    )
    .await;
    checked.push("memberRoleChange");

    run(
        &app,
        t,
        "memberRemove",
        "mutation($m: ID!) { memberRemove(input: {memberId: $m}) { userErrors { code } } }",
        json!({"m": member}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "member.remove", "actor": owner_actor, "subjectId": member,
               "before": {"user": second, "role": "operator", "merchantId": null},
               "requestId": request_id("memberRemove")}),
    )
    .await;
    checked.push("memberRemove");

    let create_client = "mutation($n: String!, $s: [Scope!]!) { apiClientCreate(input: {name: $n, scopes: $s}) { apiClient { id clientId } clientSecret userErrors { code } } }";
    let erp = run(&app, t, "apiClientCreate", create_client, json!({"n": "ERP", "s": ["TENANT_READ"]})).await;
    let erp_view = |revoked: bool| json!({"name": "ERP", "clientId": erp["apiClient"]["clientId"], "scopes": "tenant:read", "merchantId": null, "revoked": revoked});
    app.assert_latest_audit(
        &token,
        json!({"action": "api_client.create", "actor": owner_actor, "subjectId": erp["apiClient"]["id"],
               "after": erp_view(false), "requestId": request_id("apiClientCreate")}),
    )
    .await;
    checked.push("apiClientCreate");

    // A partner client revokes another: the actor is the client.
    let ops = app.gql(t, create_client, json!({"n": "Ops", "s": ["API_CLIENTS_WRITE"]})).await;
    let ops = &ops["data"]["apiClientCreate"];
    let ops_token = app
        .client_token(ops["apiClient"]["clientId"].as_str().expect("id"), ops["clientSecret"].as_str().expect("secret"))
        .await;
    run(
        &app,
        Some(&ops_token),
        "apiClientRevoke",
        "mutation($id: ID!) { apiClientRevoke(input: {id: $id}) { userErrors { code } } }",
        json!({"id": erp["apiClient"]["id"]}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "api_client.revoke", "actor": api_client(ops["apiClient"]["id"].as_str().expect("id"), "Ops"),
               "subjectId": erp["apiClient"]["id"], "before": erp_view(false), "after": erp_view(true),
               "requestId": request_id("apiClientRevoke")}),
    )
    .await;
    checked.push("apiClientRevoke");

    {
        use sea_orm::ConnectionTrait;
        let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner");
        conn.execute_unprepared("UPDATE jobs SET state = 'dead'").await.expect("dead-letter the jobs");
        conn.close().await.ok();
    }
    let jobs = app.gql(t, "{ jobs(first: 1) { nodes { id attempts } } }", json!({})).await;
    let job = jobs["data"]["jobs"]["nodes"][0].clone();
    run(
        &app,
        t,
        "jobRetry",
        "mutation($id: ID!) { jobRetry(input: {id: $id}) { userErrors { code } } }",
        json!({"id": job["id"]}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "job.retry", "actor": owner_actor, "subjectId": job["id"],
               "before": {"state": "dead", "attempts": job["attempts"]}, "after": {"state": "queued", "attempts": 0},
               "requestId": request_id("jobRetry")}),
    )
    .await;
    checked.push("jobRetry");

    let merchant_view = |contact: Value| {
        json!({"code": "M1", "name": "Linyi Textiles", "contactName": contact, "contactEmail": null,
               "contactPhone": null, "defaultCurrency": "CNY"})
    };
    let made = run(
        &app,
        t,
        "merchantCreate",
        "mutation { merchantCreate(input: {code: \"M1\", name: \"Linyi Textiles\", defaultCurrency: \"CNY\"}) { merchant { id } userErrors { code } } }",
        json!({}),
    )
    .await;
    let merchant = made["merchant"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "merchant.create", "actor": owner_actor, "subjectId": merchant,
               "after": merchant_view(Value::Null), "requestId": request_id("merchantCreate")}),
    )
    .await;
    checked.push("merchantCreate");

    run(
        &app,
        t,
        "merchantUpdate",
        "mutation($id: ID!) { merchantUpdate(input: {id: $id, contactName: \"Wang\"}) { userErrors { code } } }",
        json!({"id": merchant}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "merchant.update", "actor": owner_actor, "subjectId": merchant,
               "before": merchant_view(Value::Null), "after": merchant_view(json!("Wang")),
               "requestId": request_id("merchantUpdate")}),
    )
    .await;
    checked.push("merchantUpdate");

    let warehouse_view = |name: &str, active: bool| {
        json!({"code": "LAX1", "name": name, "countryCode": "US", "timezone": "America/Los_Angeles",
               "address": {"line1": "1 Dock Rd", "line2": null, "city": "Ontario", "region": "CA", "postalCode": null},
               "active": active})
    };
    let made = run(
        &app,
        t,
        "warehouseCreate",
        "mutation { warehouseCreate(input: {code: \"LAX1\", name: \"Los Angeles\", countryCode: \"US\", timezone: \"America/Los_Angeles\",
            address: {line1: \"1 Dock Rd\", city: \"Ontario\", region: \"CA\"}}) { warehouse { id } userErrors { code } } }",
        json!({}),
    )
    .await;
    let warehouse = made["warehouse"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "warehouse.create", "actor": owner_actor, "subjectId": warehouse,
               "after": warehouse_view("Los Angeles", true), "requestId": request_id("warehouseCreate")}),
    )
    .await;
    checked.push("warehouseCreate");

    run(
        &app,
        t,
        "warehouseUpdate",
        "mutation($id: ID!) { warehouseUpdate(input: {id: $id, name: \"LA Ontario\", active: false}) { userErrors { code } } }",
        json!({"id": warehouse}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "warehouse.update", "actor": owner_actor, "subjectId": warehouse,
               "before": warehouse_view("Los Angeles", true), "after": warehouse_view("LA Ontario", false),
               "requestId": request_id("warehouseUpdate")}),
    )
    .await;
    checked.push("warehouseUpdate");

    let made = run(
        &app,
        t,
        "locationCreate",
        "mutation($w: ID!) { locationCreate(input: {warehouseId: $w, zone: \"A\", aisle: \"01\", type: PICK}) { location { id } userErrors { code } } }",
        json!({"w": warehouse}),
    )
    .await;
    let location = made["location"]["id"].clone();
    let location_view =
        |kind: &str, active: bool| json!({"warehouse": "LAX1", "code": "A-01", "type": kind, "active": active});
    app.assert_latest_audit(
        &token,
        json!({"action": "location.create", "actor": owner_actor, "subjectId": location,
               "after": location_view("pick", true), "requestId": request_id("locationCreate")}),
    )
    .await;
    checked.push("locationCreate");

    run(
        &app,
        t,
        "locationUpdate",
        "mutation($id: ID!) { locationUpdate(input: {id: $id, type: DAMAGED, active: false}) { userErrors { code } } }",
        json!({"id": location}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "location.update", "actor": owner_actor, "subjectId": location,
               "before": location_view("pick", true), "after": location_view("damaged", false),
               "requestId": request_id("locationUpdate")}),
    )
    .await;
    checked.push("locationUpdate");

    run(
        &app,
        t,
        "locationsGenerate",
        "mutation($w: ID!) { locationsGenerate(input: {warehouseId: $w, zone: {from: \"B\", to: \"B\"}, aisle: {from: \"01\", to: \"04\"},
            bay: {from: \"A\", to: \"B\"}, type: BULK}) { userErrors { code } } }",
        json!({"w": warehouse}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "location.generate", "actor": owner_actor, "subjectId": warehouse,
               "after": {"warehouse": "LAX1", "type": "bulk", "count": 8, "firstCode": "B-01-A", "lastCode": "B-04-B"},
               "requestId": request_id("locationsGenerate")}),
    )
    .await;
    checked.push("locationsGenerate");

    let merchant_uuid = merchant.as_str().and_then(|g| g.rsplit('/').next()).expect("merchant uuid").to_owned();
    let product_view = |title: &str, status: &str| json!({"merchantId": merchant_uuid, "handle": "linen-shirt", "titleZh": "亚麻衬衫", "titleEn": title, "status": status});
    let made = run(
        &app,
        t,
        "productCreate",
        "mutation($m: ID!) { productCreate(input: {merchantId: $m, handle: \"Linen-Shirt\", titleZh: \"亚麻衬衫\", titleEn: \"Linen shirt\"}) { product { id } userErrors { code } } }",
        json!({"m": merchant}),
    )
    .await;
    let product = made["product"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "product.create", "actor": owner_actor, "subjectId": product,
               "after": product_view("Linen shirt", "active"), "requestId": request_id("productCreate")}),
    )
    .await;
    checked.push("productCreate");

    run(
        &app,
        t,
        "productUpdate",
        "mutation($id: ID!) { productUpdate(input: {id: $id, titleEn: \"Linen shirt, washed\", status: DRAFT}) { userErrors { code } } }",
        json!({"id": product}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "product.update", "actor": owner_actor, "subjectId": product,
               "before": product_view("Linen shirt", "active"), "after": product_view("Linen shirt, washed", "draft"),
               "requestId": request_id("productUpdate")}),
    )
    .await;
    checked.push("productUpdate");

    let product_uuid = product.as_str().and_then(|g| g.rsplit('/').next()).expect("product uuid").to_owned();
    let sku_view = |weight: Value, barcodes: Value| {
        json!({"merchantId": merchant_uuid, "productId": product_uuid, "code": "LS-RED-M", "nameZh": null,
               "nameEn": "Linen shirt, red, M", "options": [{"name": "Color", "value": "Red"}, {"name": "Size", "value": "M"}],
               "hsCode": "6205900000", "originCountry": "CN", "declaredValue": {"amount": "12.50", "currencyCode": "USD"},
               "weightGrams": weight, "dimensionsMm": {"length": 300, "width": 200, "height": 20},
               "lotTracked": false, "expiryTracked": false, "status": "active", "barcodes": barcodes})
    };
    let made = run(
        &app,
        t,
        "skuCreate",
        "mutation($p: ID!) { skuCreate(input: {productId: $p, code: \"LS-RED-M\", nameEn: \"Linen shirt, red, M\",
            options: [{name: \"Color\", value: \"Red\"}, {name: \"Size\", value: \"M\"}], hsCode: \"6205.90.00.00\",
            originCountry: \"cn\", declaredValue: {amount: \"12.5\", currencyCode: \"USD\"}, weightGrams: 180,
            dimensionsMm: {length: 300, width: 200, height: 20}, barcodes: [{barcode: \"4006381333931\", kind: GTIN_13}]}) {
            sku { id } userErrors { field code message } } }",
        json!({"p": product}),
    )
    .await;
    let sku = made["sku"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "sku.create", "actor": owner_actor, "subjectId": sku,
               "after": sku_view(json!(180), json!([{"barcode": "4006381333931", "kind": "gtin_13"}])),
               "requestId": request_id("skuCreate")}),
    )
    .await;
    checked.push("skuCreate");

    run(
        &app,
        t,
        "skuUpdate",
        "mutation($id: ID!) { skuUpdate(input: {id: $id, weightGrams: null, barcodes: [{barcode: \"LS-RED-M\", kind: INTERNAL}]}) { userErrors { code } } }",
        json!({"id": sku}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "sku.update", "actor": owner_actor, "subjectId": sku,
               "before": sku_view(json!(180), json!([{"barcode": "4006381333931", "kind": "gtin_13"}])),
               "after": sku_view(Value::Null, json!([{"barcode": "LS-RED-M", "kind": "internal"}])),
               "requestId": request_id("skuUpdate")}),
    )
    .await;
    checked.push("skuUpdate");

    let shelf = |zone: &str| {
        format!(
            "mutation {{ locationCreate(input: {{warehouseId: \"{}\", zone: \"{zone}\", type: PICK}}) {{ location {{ id }} }} }}",
            warehouse.as_str().unwrap_or_default()
        )
    };
    let s1 = app.gql(t, &shelf("S1"), json!({})).await["data"]["locationCreate"]["location"]["id"].clone();
    let s2 = app.gql(t, &shelf("S2"), json!({})).await["data"]["locationCreate"]["location"]["id"].clone();
    let stock_steps = [
        (
            "inventoryAdjust",
            "mutation($s: ID!, $l: ID!) { inventoryAdjust(input: {skuId: $s, locationId: $l, delta: 10, reason: FOUND}) { userErrors { code } } }",
            "stock.adjust",
            json!({"change": {"location": "S1", "delta": 10, "reason": "found"}, "onHand": 10, "available": 10}),
        ),
        (
            "inventorySetOnHand",
            "mutation($s: ID!, $l: ID!) { inventorySetOnHand(input: {skuId: $s, locationId: $l, quantity: 12, compareQuantity: 10, reason: CORRECTION}) { userErrors { code } } }",
            "stock.set",
            json!({"change": {"location": "S1", "from": 10, "to": 12, "reason": "correction"}, "onHand": 12, "available": 12}),
        ),
        (
            "inventoryMove",
            "mutation($s: ID!, $l: ID!, $o: ID!) { inventoryMove(input: {skuId: $s, fromLocationId: $l, toLocationId: $o, quantity: 2}) { userErrors { code } } }",
            "stock.move",
            json!({"change": {"from": "S1", "to": "S2", "quantity": 2}, "onHand": 12, "available": 12}),
        ),
    ];
    for (name, mutation, action, after) in stock_steps {
        run(&app, t, name, mutation, json!({"s": sku, "l": s1, "o": s2})).await;
        app.assert_latest_audit(
            &token,
            json!({"action": action, "actor": owner_actor, "subjectId": sku, "after": after, "requestId": request_id(name)}),
        )
        .await;
        checked.push(name);
    }
    run(
        &app,
        t,
        "inventorySetSafetyStock",
        "mutation($s: ID!, $w: ID!) { inventorySetSafetyStock(input: {skuId: $s, warehouseId: $w, quantity: 1, compareQuantity: 0}) { userErrors { code } } }",
        json!({"s": sku, "w": warehouse}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "stock.safety_stock", "actor": owner_actor, "subjectId": sku,
               "after": {"change": {"warehouse": "LAX1", "from": 0, "to": 1}, "onHand": 12, "available": 11},
               "requestId": request_id("inventorySetSafetyStock")}),
    )
    .await;
    checked.push("inventorySetSafetyStock");

    // Transfers need a second, open warehouse; LAX1 was closed above and is
    // the source (closing a warehouse does not stop units leaving it).
    let second = app
        .gql(
            t,
            "mutation { warehouseCreate(input: {code: \"FRA1\", name: \"Frankfurt\", countryCode: \"DE\", timezone: \"Europe/Berlin\",
                address: {line1: \"Cargo City Süd\", city: \"Frankfurt am Main\", postalCode: \"60549\"}}) { warehouse { id } } }",
            json!({}),
        )
        .await["data"]["warehouseCreate"]["warehouse"]["id"]
        .clone();
    let dock = app
        .gql(
            t,
            "mutation($w: ID!) { locationCreate(input: {warehouseId: $w, zone: \"RCV\", type: RECEIVING}) { location { id } } }",
            json!({"w": second}),
        )
        .await["data"]["locationCreate"]["location"]["id"]
        .clone();
    let send = "mutation($s: ID!, $l: ID!, $w: ID!, $r: String!) { stockTransferCreate(input: {reference: $r, toWarehouseId: $w,
        lines: [{skuId: $s, fromLocationId: $l, quantity: 1}]}) { stockTransfer { id } userErrors { code } } }";
    let made = run(&app, t, "stockTransferCreate", send, json!({"s": sku, "l": s1, "w": second, "r": "TR-1"})).await;
    let transfer = made["stockTransfer"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "transfer.send", "actor": owner_actor, "subjectId": transfer,
               "after": {"reference": "TR-1", "status": "in_transit", "lines": 1, "units": 1},
               "requestId": request_id("stockTransferCreate")}),
    )
    .await;
    checked.push("stockTransferCreate");
    run(
        &app,
        t,
        "stockTransferReceive",
        "mutation($id: ID!, $l: ID!) { stockTransferReceive(input: {id: $id, toLocationId: $l}) { userErrors { code } } }",
        json!({"id": transfer, "l": dock}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "transfer.receive", "actor": owner_actor, "subjectId": transfer,
               "before": {"status": "in_transit"}, "after": {"status": "received"}, "requestId": request_id("stockTransferReceive")}),
    )
    .await;
    checked.push("stockTransferReceive");
    let made = app.gql(t, send, json!({"s": sku, "l": s1, "w": second, "r": "TR-2"})).await;
    let transfer = made["data"]["stockTransferCreate"]["stockTransfer"]["id"].clone();
    run(
        &app,
        t,
        "stockTransferCancel",
        "mutation($id: ID!) { stockTransferCancel(input: {id: $id}) { userErrors { code } } }",
        json!({"id": transfer}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "transfer.cancel", "actor": owner_actor, "subjectId": transfer,
               "before": {"status": "in_transit"}, "after": {"status": "cancelled"}, "requestId": request_id("stockTransferCancel")}),
    )
    .await;
    checked.push("stockTransferCancel");

    let made = run(
        &app,
        t,
        "cycleCountCreate",
        "mutation($l: ID!) { cycleCountCreate(input: {locationId: $l, blind: false}) { countTask { id } userErrors { code } } }",
        json!({"l": s2}),
    )
    .await;
    let count = made["countTask"]["id"].clone();
    let warehouse_uuid = warehouse.as_str().and_then(|g| g.rsplit('/').next()).expect("warehouse uuid").to_owned();
    app.assert_latest_audit(
        &token,
        json!({"action": "count.create", "actor": owner_actor, "subjectId": count,
               "after": {"warehouseId": warehouse_uuid, "scope": "location", "blind": false, "lines": 1},
               "requestId": request_id("cycleCountCreate")}),
    )
    .await;
    checked.push("cycleCountCreate");
    run(
        &app,
        t,
        "cycleCountSubmit",
        "mutation($id: ID!, $s: ID!, $l: ID!) { cycleCountSubmit(input: {id: $id, lines: [{skuId: $s, locationId: $l, counted: 3}]}) { userErrors { code } } }",
        json!({"id": count, "s": sku, "l": s2}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "count.submit", "actor": owner_actor, "subjectId": count, "before": {"status": "open"},
               "after": {"status": "counted", "lines": 1, "variance": 1}, "requestId": request_id("cycleCountSubmit")}),
    )
    .await;
    checked.push("cycleCountSubmit");
    // Someone other than the counter decides: a second admin.
    let admin = app.member(&owner, "approver@alpha.example.com", "ADMIN").await;
    let admin_id = app.gql(Some(&admin.access_token), "{ viewer { user { id } } }", json!({})).await["data"]["viewer"]
        ["user"]["id"]
        .clone();
    let admin_actor = user(admin_id.as_str().expect("admin's id"), "approver@alpha.example.com");
    let decided = app
        .gql_traced(
            Some(&admin.access_token),
            Some(&request_id("cycleCountDecide")),
            "mutation($id: ID!) { cycleCountDecide(input: {id: $id, approve: true}) { userErrors { code } } }",
            json!({"id": count}),
        )
        .await;
    assert_eq!(decided["data"]["cycleCountDecide"]["userErrors"], json!([]), "{decided}");
    app.assert_latest_audit(
        &token,
        json!({"action": "count.approve", "actor": admin_actor, "subjectId": count,
               "before": {"status": "counted", "variance": 1}, "after": {"status": "approved"},
               "requestId": request_id("cycleCountDecide")}),
    )
    .await;
    checked.push("cycleCountDecide");

    let made = run(
        &app,
        t,
        "orderCreate",
        "mutation($m: ID!, $s: ID!) { orderCreate(input: {merchantId: $m, reference: \"SHOP-1\", lines: [{skuId: $s, quantity: 2}],
            shipTo: {name: \"Ann Lee\", line1: \"100 Main St\", city: \"Los Angeles\", region: \"CA\", postalCode: \"90001\", countryCode: \"US\"}})
            { order { id } userErrors { code } } }",
        json!({"m": merchant, "s": sku}),
    )
    .await;
    let order = made["order"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "order.create", "actor": owner_actor, "subjectId": order,
               // LAX1 was closed above; FRA1 holds the one unit transferred there.
               "after": {"reference": "SHOP-1", "status": "backordered", "lines": 1, "units": 2, "allocated": 1},
               "requestId": request_id("orderCreate")}),
    )
    .await;
    checked.push("orderCreate");
    run(
        &app,
        t,
        "orderCancel",
        "mutation($o: ID!) { orderCancel(input: {id: $o, reason: \"duplicate\"}) { userErrors { code } } }",
        json!({"o": order}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "order.cancel", "actor": owner_actor, "subjectId": order,
               "before": {"status": "backordered"}, "after": {"status": "cancelled", "reason": "duplicate", "released": 1, "putBack": 0},
               "requestId": request_id("orderCancel")}),
    )
    .await;
    checked.push("orderCancel");

    let file = "sku_code,product_handle,name_en\nLS-BLUE-M,linen-shirt,\"Linen shirt, blue, M\"\n";
    let upload = app.upload(&owner.access_token, "skus.csv", file.as_bytes()).await;
    let made = run(
        &app,
        t,
        "skuImportStart",
        "mutation($m: ID!, $u: ID!) { skuImportStart(input: {merchantId: $m, format: SILKPORT_SKUS, uploadId: $u}) {
            skuImport { id } userErrors { code } } }",
        json!({"m": merchant, "u": upload["id"]}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "sku_import.start", "actor": owner_actor, "subjectId": made["skuImport"]["id"],
               "after": {"merchantId": merchant_uuid, "format": "silkport_skus", "filename": "skus.csv",
                         "sha256": upload["sha256"], "rowsTotal": 1},
               "requestId": request_id("skuImportStart")}),
    )
    .await;
    checked.push("skuImportStart");

    let file = "order_reference,sku_code,quantity,ship_to_name,ship_to_line1,ship_to_city,ship_to_country\nSHOP-9,LS-BLUE-M,1,Ann Lee,Hauptstraße 5,Berlin,DE\n";
    let upload = app.upload(&owner.access_token, "orders.csv", file.as_bytes()).await;
    let made = run(
        &app,
        t,
        "orderImportStart",
        "mutation($m: ID!, $u: ID!) { orderImportStart(input: {merchantId: $m, format: SILKPORT_ORDERS, uploadId: $u}) {
            orderImport { id } userErrors { code } } }",
        json!({"m": merchant, "u": upload["id"]}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "order_import.start", "actor": owner_actor, "subjectId": made["orderImport"]["id"],
               "after": {"merchantId": merchant_uuid, "format": "silkport_orders", "filename": "orders.csv",
                         "sha256": upload["sha256"], "rowsTotal": 1},
               "requestId": request_id("orderImportStart")}),
    )
    .await;
    checked.push("orderImportStart");

    let dock = format!(
        "mutation {{ locationCreate(input: {{warehouseId: \"{}\", zone: \"R1\", type: RECEIVING}}) {{ location {{ id }} }} }}",
        warehouse.as_str().unwrap_or_default()
    );
    app.gql(t, &dock, json!({})).await;
    // Closed above; a closed warehouse is announced nothing.
    let reopen = "mutation($id: ID!) { warehouseUpdate(input: {id: $id, active: true}) { userErrors { code } } }";
    app.gql(t, reopen, json!({"id": warehouse})).await;
    let announce =
        "mutation($m: ID!, $w: ID!, $s: ID!, $r: String!) { inboundCreate(input: {merchantId: $m, warehouseId: $w,
        reference: $r, mode: SEA, containerNumber: \"mscu1234565\", lines: [{skuId: $s, expected: 5}]}) {
        inboundShipment { id } userErrors { code } } }";
    let asn_view = |status: &str, received: i64, put_away: i64| json!({"reference": "PO-1", "status": status, "expected": 5, "received": received, "damaged": 0, "putAway": put_away});
    let line_view =
        |received: i64, put_away: i64| json!({"expected": 5, "received": received, "damaged": 0, "putAway": put_away});
    let made =
        run(&app, t, "inboundCreate", announce, json!({"m": merchant, "w": warehouse, "s": sku, "r": "PO-1"})).await;
    let asn = made["inboundShipment"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "inbound.create", "actor": owner_actor, "subjectId": asn,
               "after": {"shipment": asn_view("in_transit", 0, 0), "warehouse": "LAX1", "mode": "sea"},
               "requestId": request_id("inboundCreate")}),
    )
    .await;
    checked.push("inboundCreate");

    run(
        &app,
        t,
        "inboundReceive",
        "mutation($a: ID!) { inboundReceive(input: {shipmentId: $a, barcode: \"LS-RED-M\", quantity: 2}) { userErrors { code } } }",
        json!({"a": asn}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "inbound.receive", "actor": owner_actor, "subjectId": asn, "before": line_view(0, 0),
               "after": {"line": line_view(2, 0), "scanned": "LS-RED-M", "quantity": 2, "damaged": false, "location": "R1"},
               "requestId": request_id("inboundReceive")}),
    )
    .await;
    checked.push("inboundReceive");

    run(
        &app,
        t,
        "inboundPutaway",
        "mutation($a: ID!, $s: ID!, $l: ID!) { inboundPutaway(input: {shipmentId: $a, skuId: $s, quantity: 1, toLocationId: $l}) { userErrors { code } } }",
        json!({"a": asn, "s": sku, "l": s1}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "inbound.putaway", "actor": owner_actor, "subjectId": asn, "before": line_view(2, 0),
               "after": {"line": line_view(2, 1), "quantity": 1, "to": "S1"}, "requestId": request_id("inboundPutaway")}),
    )
    .await;
    checked.push("inboundPutaway");

    run(
        &app,
        t,
        "inboundClose",
        "mutation($a: ID!) { inboundClose(input: {id: $a}) { userErrors { code } } }",
        json!({"a": asn}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "inbound.close", "actor": owner_actor, "subjectId": asn, "before": asn_view("receiving", 2, 1),
               "after": {"shipment": asn_view("received", 2, 1), "discrepancies": ["short"]},
               "requestId": request_id("inboundClose")}),
    )
    .await;
    checked.push("inboundClose");

    let second = app.gql(t, announce, json!({"m": merchant, "w": warehouse, "s": sku, "r": "PO-2"})).await;
    let second = second["data"]["inboundCreate"]["inboundShipment"]["id"].clone();
    run(
        &app,
        t,
        "inboundCancel",
        "mutation($a: ID!) { inboundCancel(input: {id: $a}) { userErrors { code } } }",
        json!({"a": second}),
    )
    .await;
    let po2 = |status: &str| json!({"reference": "PO-2", "status": status, "expected": 5, "received": 0, "damaged": 0, "putAway": 0});
    app.assert_latest_audit(
        &token,
        json!({"action": "inbound.cancel", "actor": owner_actor, "subjectId": second, "before": po2("in_transit"),
               "after": po2("cancelled"), "requestId": request_id("inboundCancel")}),
    )
    .await;
    checked.push("inboundCancel");

    // One unit of SHOP-2 picked from S1 (oldest and first by code among
    // the storage bins; R1 is a receiving location), packed and shipped.
    let made = app
        .gql(
            t,
            "mutation($m: ID!, $s: ID!) { orderCreate(input: {merchantId: $m, reference: \"SHOP-2\", lines: [{skuId: $s, quantity: 1}],
                shipTo: {name: \"Ann Lee\", line1: \"100 Main St\", city: \"Los Angeles\", region: \"CA\", postalCode: \"90001\", countryCode: \"US\"}})
                { order { id status } } }",
            json!({"m": merchant, "s": sku}),
        )
        .await;
    let order = made["data"]["orderCreate"]["order"]["id"].clone();
    assert_eq!(made["data"]["orderCreate"]["order"]["status"], "ALLOCATED", "{made}");
    let wave = run(
        &app,
        t,
        "waveCreate",
        "mutation($w: ID!) { waveCreate(input: {warehouseId: $w}) { wave { id tasks { id } } userErrors { code } } }",
        json!({"w": warehouse}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "wave.create", "actor": owner_actor, "subjectId": wave["wave"]["id"],
               "after": {"warehouse": "LAX1", "orders": ["SHOP-2"], "tasks": 1, "singleLineOnly": false, "carrier": null, "cutoff": null},
               "requestId": request_id("waveCreate")}),
    )
    .await;
    checked.push("waveCreate");

    let task = wave["wave"]["tasks"][0]["id"].clone();
    run(
        &app,
        t,
        "pickConfirm",
        "mutation($k: ID!) { pickConfirm(input: {taskId: $k, locationCode: \"S1\", barcode: \"LS-RED-M\"}) { userErrors { code } } }",
        json!({"k": task}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "pick.confirm", "actor": owner_actor, "subjectId": task,
               "before": {"picked": 0, "quantity": 1},
               "after": {"picked": 1, "location": "S1", "scanned": "LS-RED-M", "order": "SHOP-2", "orderPicked": true},
               "requestId": request_id("pickConfirm")}),
    )
    .await;
    checked.push("pickConfirm");

    let packed = run(
        &app,
        t,
        "packageCreate",
        "mutation($o: ID!) { packageCreate(input: {orderId: $o, items: [{barcode: \"LS-RED-M\", quantity: 1}], weightGrams: 450,
            dimensionsMm: {length: 300, width: 200, height: 50}}) { package { id } userErrors { code } } }",
        json!({"o": order}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "package.create", "actor": owner_actor, "subjectId": packed["package"]["id"],
               "after": {"order": "SHOP-2", "number": 1, "weightGrams": 450, "dimensionsMm": [300, 200, 50],
                         "items": [{"sku": "LS-RED-M", "quantity": 1}], "orderPacked": true},
               "requestId": request_id("packageCreate")}),
    )
    .await;
    checked.push("packageCreate");

    run(
        &app,
        t,
        "orderShip",
        "mutation($o: ID!) { orderShip(input: {orderId: $o, carrier: MANUAL, trackingNumber: \"1Z999AA10123456784\"}) { userErrors { code } } }",
        json!({"o": order}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "order.ship", "actor": owner_actor, "subjectId": order, "before": {"status": "packed"},
               "after": {"status": "shipped", "carrier": "manual", "service": "standard",
                         "trackingNumbers": ["1Z999AA10123456784"], "packages": 1},
               "requestId": request_id("orderShip")}),
    )
    .await;
    checked.push("orderShip");

    let shipments =
        app.gql(t, "query($o: ID!) { node(id: $o) { ... on Order { shipments { id } } } }", json!({"o": order})).await;
    let shipment = shipments["data"]["node"]["shipments"][0]["id"].clone();
    let reported = run(
        &app,
        t,
        "shipmentTrackingReport",
        "mutation($s: ID!) { shipmentTrackingReport(input: {shipmentId: $s, status: EXCEPTION, note: \"Parcel damaged\"}) {
            order { shipments { events { status occurredAt } } } userErrors { code } } }",
        json!({"s": shipment}),
    )
    .await;
    // As the audit entry writes times: RFC 3339 in UTC with `Z`.
    let occurred_at = reported["order"]["shipments"][0]["events"][1]["occurredAt"]
        .as_str()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
        .expect("the exception's time");
    app.assert_latest_audit(
        &token,
        json!({"action": "shipment.report", "actor": owner_actor, "subjectId": order,
               "before": {"status": "shipped", "shipment": {"trackingNumber": "1Z999AA10123456784", "status": "label_created"}},
               "after": {"status": "exception", "shipment": {"trackingNumber": "1Z999AA10123456784", "status": "exception",
                         "occurredAt": occurred_at, "note": "Parcel damaged"}},
               "requestId": request_id("shipmentTrackingReport")}),
    )
    .await;
    checked.push("shipmentTrackingReport");

    // A return of SHOP-2, shipped above from LAX1.
    app.gql(
        t,
        "mutation($w: ID!) { locationCreate(input: {warehouseId: $w, zone: \"QC\", type: QUARANTINE}) { location { id } } }",
        json!({"w": warehouse}),
    )
    .await;
    let made = run(
        &app,
        t,
        "returnCreate",
        "mutation($o: ID!, $s: ID!) { returnCreate(input: {orderId: $o, reason: \"too small\", lines: [{skuId: $s, quantity: 1}]}) { return { id } userErrors { code } } }",
        json!({"o": order, "s": sku}),
    )
    .await;
    let rma = made["return"]["id"].clone();
    app.assert_latest_audit(
        &token,
        json!({"action": "return.create", "actor": owner_actor, "subjectId": rma,
               "after": {"reference": "RMA-000001", "order": "SHOP-2", "status": "requested", "units": 1},
               "requestId": request_id("returnCreate")}),
    )
    .await;
    checked.push("returnCreate");
    run(
        &app,
        t,
        "returnReceive",
        "mutation($r: ID!) { returnReceive(input: {returnId: $r, barcode: \"LS-RED-M\"}) { userErrors { code } } }",
        json!({"r": rma}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "return.receive", "actor": owner_actor, "subjectId": rma, "before": {"received": 0},
               "after": {"scanned": "LS-RED-M", "quantity": 1, "received": 1}, "requestId": request_id("returnReceive")}),
    )
    .await;
    checked.push("returnReceive");
    run(
        &app,
        t,
        "returnInspect",
        "mutation($r: ID!) { returnInspect(input: {returnId: $r, barcode: \"LS-RED-M\", outcome: DISPOSE}) { userErrors { code } } }",
        json!({"r": rma}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "return.inspect", "actor": owner_actor, "subjectId": rma,
               "after": {"scanned": "LS-RED-M", "quantity": 1, "outcome": "dispose", "restocked": 0, "damaged": 0, "disposed": 1},
               "requestId": request_id("returnInspect")}),
    )
    .await;
    checked.push("returnInspect");

    let sign_in = "mutation($e: String!, $p: String!) { sessionCreate(input: {email: $e, password: $p}) { refreshToken userErrors { code } } }";
    let session = run(&app, None, "sessionCreate", sign_in, json!({"e": owner.email, "p": PASSWORD})).await;
    app.assert_latest_audit(
        &token,
        json!({"action": "session.create", "actor": owner_actor, "requestId": request_id("sessionCreate")}),
    )
    .await;
    checked.push("sessionCreate");

    run(
        &app,
        None,
        "sessionRefresh",
        "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { userErrors { code } } }",
        json!({"r": session["refreshToken"]}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "session.refresh", "actor": owner_actor, "requestId": request_id("sessionRefresh")}),
    )
    .await;
    checked.push("sessionRefresh");

    run(
        &app,
        None,
        "passwordResetRequest",
        "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { userErrors { code } } }",
        json!({"e": owner.email}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "user.password_reset_request", "actor": owner_actor, "subjectId": me,
               "requestId": request_id("passwordResetRequest")}),
    )
    .await;
    checked.push("passwordResetRequest");

    let reset = app.mail_link_token(&owner.email, "/reset-password").await;
    run(
        &app,
        None,
        "passwordReset",
        "mutation($t: String!, $p: String!) { passwordReset(input: {token: $t, password: $p}) { userErrors { code } } }",
        json!({"t": reset, "p": PASSWORD}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "user.password_reset", "actor": owner_actor, "subjectId": me,
               "after": {"sessionsRevoked": true, "otherLinksVoided": true}, "requestId": request_id("passwordReset")}),
    )
    .await;
    checked.push("passwordReset");

    let session = app.login(&owner.email, PASSWORD, None).await["data"]["sessionCreate"].clone();
    run(
        &app,
        None,
        "sessionRevoke",
        "mutation($r: String!) { sessionRevoke(input: {refreshToken: $r}) { userErrors { code } } }",
        json!({"r": session["refreshToken"]}),
    )
    .await;
    app.assert_latest_audit(
        &token,
        json!({"action": "session.revoke", "actor": owner_actor, "requestId": request_id("sessionRevoke")}),
    )
    .await;
    checked.push("sessionRevoke");

    let omega = run(
        &app,
        None,
        "tenantCreate",
        "mutation { tenantCreate(input: {tenantName: \"Omega\", tenantSlug: \"omega\", name: \"O\", email: \"o@omega.example.com\", password: \"omega-pass-12\", locale: EN}) {
            accessToken mailSent userErrors { code } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        (&omega["accessToken"], &omega["mailSent"]),
        (&Value::Null, &json!(true)),
        "a new address confirms first"
    );
    let link = app.mail_link_token("o@omega.example.com", "/confirm-signup").await;
    let confirmed = run(
        &app,
        None,
        "signupConfirm",
        "mutation($t: String!) { signupConfirm(input: {token: $t}) { accessToken viewer { user { id } tenant { id } } userErrors { code } } }",
        json!({"t": link}),
    )
    .await;
    let omega_token = confirmed["accessToken"].as_str().expect("omega's owner token");
    let omega_user = confirmed["viewer"]["user"]["id"].as_str().expect("id");
    let omega_actor = user(omega_user, "o@omega.example.com");
    let confirm_entry = app
        .assert_latest_audit(
            omega_token,
            json!({"action": "user.email_confirm", "actor": omega_actor, "subjectId": omega_user,
                   "after": {"emailVerified": true, "firstConfirmation": true},
                   "requestId": request_id("signupConfirm")}),
        )
        .await;
    let omega_owner = app.gql(Some(omega_token), "{ members(first: 1) { nodes { id } } }", json!({})).await;
    let omega_tenant =
        json!({"name": "Omega", "slug": "omega", "modules": modules, "defaultLocale": "en", "timezone": "UTC"});
    let log = app
        .gql(
            Some(omega_token),
            "{ auditLog(first: 2) { nodes { id at action actor { kind id label } subjectId before after requestId } } }",
            json!({}),
        )
        .await;
    let nodes = &log["data"]["auditLog"]["nodes"];
    assert_eq!(nodes[0]["id"], confirm_entry["id"], "{log}");
    silkport_tests::audit::assert_audit_entry(
        &nodes[1],
        json!({"action": "tenant.create", "actor": omega_actor,
               "subjectId": confirmed["viewer"]["tenant"]["id"],
               "after": {"tenant": omega_tenant, "owner": omega_owner["data"]["members"]["nodes"][0]["id"]},
               "requestId": request_id("tenantCreate")}),
    );
    checked.push("tenantCreate");
    checked.push("signupConfirm");

    assert_eq!(checked, MUTATIONS, "every mutation was run and its entry checked");
}

#[test]
fn every_mutation_is_audited_here() {
    let mutations = silkport_tests::schema::root_fields("mutation");
    assert!(mutations.len() > 15, "the check sees the schema's mutations: {mutations:?}");
    let missing: Vec<&String> = mutations.iter().filter(|m| !MUTATIONS.contains(&m.as_str())).collect();
    assert!(missing.is_empty(), "mutations without an audit check: {missing:?}");
}
