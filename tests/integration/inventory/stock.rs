//! Stock and its ledger: adjustments, compare-and-swap writes, moves,
//! safety stock, the invariant check and its command, and the rule that
//! bad input changes nothing.

use serde_json::{Value, json};
use silkport_tests::TestApp;

const LEVEL: &str = "query($sku: ID!) { skus(first: 5) { nodes { id code stock { warehouse { code }
    onHand reserved damaged qualityControl safetyStock incoming available } } }
    stockLevels(first: 5, skuId: $sku) { totalCount nodes { onHand available damaged } } }";

const CHECK: &str = "{ inventoryCheck { ok levelsChecked binsChecked movementsChecked
    mismatches { invariant quantityName recorded expected locationId } } }";

const SET: &str = "mutation($input: InventorySetOnHandInput!) { inventorySetOnHand(input: $input) {
    stockLevel { onHand } movements { delta } userErrors { field code message } } }";

const MOVE: &str = "mutation($input: InventoryMoveInput!) { inventoryMove(input: $input) {
    stockLevel { onHand damaged available } movements { kind delta location { code } } userErrors { field code message } } }";

fn errors(payload: &Value) -> Vec<(String, String)> {
    payload["userErrors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| (e["field"][1].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// Movements as the test states them, without their generated ids.
fn without_ids(movements: &Value) -> Value {
    let mut movements = movements.clone();
    for movement in movements.as_array_mut().into_iter().flatten() {
        movement.as_object_mut().map(|m| m.remove("id"));
    }
    movements
}

#[tokio::test]
async fn adjustments_moves_and_safety_stock_keep_every_level_the_sum_of_its_movements() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;

    let added = app.adjust(token, &site.sku, &site.pick, 10).await;
    assert_eq!(added["userErrors"], json!([]), "{added}");
    assert_eq!(added["stockLevel"], json!({"onHand": 10, "available": 10, "reserved": 0, "damaged": 0}));
    assert_eq!(
        without_ids(&added["movements"]),
        json!([{"kind": "ADJUSTMENT", "quantityName": "ON_HAND", "delta": 10, "quantityBefore": 0, "quantityAfter": 10}])
    );

    let damaged = app
        .gql(Some(token), MOVE, json!({"input": {"skuId": site.sku, "fromLocationId": site.pick, "toLocationId": site.damaged, "quantity": 3}}))
        .await;
    let moved = &damaged["data"]["inventoryMove"];
    assert_eq!(moved["userErrors"], json!([]), "{damaged}");
    assert_eq!(moved["stockLevel"], json!({"onHand": 10, "damaged": 3, "available": 7}), "{damaged}");
    assert_eq!(
        moved["movements"],
        json!([{"kind": "DAMAGE", "delta": -3, "location": {"code": "A"}}, {"kind": "DAMAGE", "delta": 3, "location": {"code": "DMG"}}])
    );

    let safety = app
        .gql(
            Some(token),
            "mutation($input: InventorySetSafetyStockInput!) { inventorySetSafetyStock(input: $input) { stockLevel { safetyStock available } userErrors { field code message } } }",
            json!({"input": {"skuId": site.sku, "warehouseId": site.warehouse, "quantity": 2, "compareQuantity": 0}}),
        )
        .await;
    assert_eq!(
        safety["data"]["inventorySetSafetyStock"]["stockLevel"],
        json!({"safetyStock": 2, "available": 5}),
        "{safety}"
    );

    let taken = app.adjust(token, &site.sku, &site.pick, -4).await;
    assert_eq!(taken["stockLevel"], json!({"onHand": 6, "available": 1, "reserved": 0, "damaged": 3}), "{taken}");

    let read = app.gql(Some(token), LEVEL, json!({"sku": site.sku})).await;
    assert_eq!(
        read["data"]["skus"]["nodes"][0]["stock"],
        json!([{"warehouse": {"code": "ACME-W"}, "onHand": 6, "reserved": 0, "damaged": 3, "qualityControl": 0,
                "safetyStock": 2, "incoming": 0, "available": 1}]),
        "{read}"
    );
    assert_eq!(read["data"]["stockLevels"]["totalCount"], 1, "{read}");

    let movements = app
        .gql(
            Some(token),
            "query($sku: ID!) { stockMovements(first: 10, skuId: $sku) { nodes { kind delta reason actor } } }",
            json!({"sku": site.sku}),
        )
        .await;
    let nodes = movements["data"]["stockMovements"]["nodes"].as_array().cloned().unwrap_or_default();
    assert_eq!(nodes.len(), 5, "newest first, every change a movement: {movements}");
    assert_eq!(nodes[0]["kind"], "ADJUSTMENT");
    assert_eq!(nodes[0]["reason"], "correction");
    assert!(nodes[0]["actor"].as_str().is_some_and(|a| a.starts_with("user:")), "{movements}");

    let check = app.gql(Some(token), CHECK, json!({})).await;
    assert_eq!(
        check["data"]["inventoryCheck"],
        json!({"ok": true, "levelsChecked": 1, "binsChecked": 2, "movementsChecked": 5, "mismatches": []}),
        "{check}"
    );
}

#[tokio::test]
async fn the_check_names_a_level_that_no_longer_matches_its_movements() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    app.adjust(token, &site.sku, &site.pick, 5).await;
    // Tampering behind the ledger's back, as the tables' owner running
    // manual SQL (or a bad migration) would.
    let owner_db = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("connect as owner");
    owner_db.execute_unprepared("UPDATE bin_stocks SET on_hand = 7").await.expect("tamper");
    owner_db.execute_unprepared("UPDATE stock_levels SET on_hand = 7").await.expect("tamper");
    owner_db.close().await.ok();
    let check = app.gql(Some(token), CHECK, json!({})).await;
    let report = &check["data"]["inventoryCheck"];
    assert_eq!(report["ok"], false, "{check}");
    assert_eq!(
        report["mismatches"],
        json!([{"invariant": "LEDGER", "quantityName": "on_hand", "recorded": 7, "expected": 5, "locationId": site.pick}]),
        "{check}"
    );

    let out = std::process::Command::new(silkport_tests::app::silkport_bin())
        .args(["inventory", "check", "--tenant", "alpha"])
        .envs(app.command_env())
        .output()
        .expect("run silkport");
    let told = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a mismatch fails the command: {told}");
    assert!(
        told.contains("1 mismatch") && told.contains("ledger") && told.contains("on_hand is 7, expected 5"),
        "{told}"
    );
}

#[tokio::test]
async fn of_two_writers_that_saw_the_same_quantity_exactly_one_wins() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.clone();
    let site = app.stock_site(&owner, "ACME").await;
    app.adjust(&token, &site.sku, &site.pick, 10).await;
    let writers = (0..8).map(|i| {
        let (app, token, sku, pick) = (&app, &token, &site.sku, &site.pick);
        async move {
            let input = json!({"skuId": sku, "locationId": pick, "quantity": 20 + i, "compareQuantity": 10, "reason": "CORRECTION"});
            app.gql(Some(token), SET, json!({"input": input})).await
        }
    });
    let answers = futures_util::future::join_all(writers).await;
    let won: Vec<&Value> =
        answers.iter().filter(|a| a["data"]["inventorySetOnHand"]["userErrors"] == json!([])).collect();
    assert_eq!(won.len(), 1, "exactly one compare-and-swap wins: {answers:?}");
    let winner = won[0]["data"]["inventorySetOnHand"]["stockLevel"]["onHand"].as_i64().expect("on hand");
    for lost in answers.iter().filter(|a| a["data"]["inventorySetOnHand"]["userErrors"] != json!([])) {
        let error = &lost["data"]["inventorySetOnHand"]["userErrors"][0];
        assert_eq!((&error["field"][1], &error["code"]), (&json!("compareQuantity"), &json!("STALE")), "{lost}");
        assert!(
            error["message"].as_str().is_some_and(|m| m.contains(&winner.to_string())),
            "names the value now: {lost}"
        );
    }
    let check = app.gql(Some(&token), CHECK, json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"]["ok"], true, "{check}");
}

#[tokio::test]
async fn bad_stock_input_is_refused_by_field_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let other = app.stock_site(&owner, "BETA").await;
    app.adjust(token, &site.sku, &site.pick, 5).await;

    assert_eq!(errors(&app.adjust(token, &site.sku, &site.pick, 0).await), [("delta".into(), "INVALID".into())]);
    assert_eq!(
        errors(&app.adjust(token, &site.sku, &site.pick, -6).await),
        [("delta".into(), "INSUFFICIENT_STOCK".into())],
        "taking more than is there"
    );
    let unknown = app.adjust(token, "gid://silkport/Sku/0190f7a1-0000-7000-8000-000000000000", &site.pick, 1).await;
    assert_eq!(errors(&unknown), [("skuId".into(), "NOT_FOUND".into())]);
    let fractional = app
        .gql(
            Some(token),
            "mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }",
            json!({"input": {"skuId": site.sku, "locationId": site.pick, "delta": 1.5, "reason": "CORRECTION"}}),
        )
        .await;
    assert!(fractional["errors"][0]["message"].as_str().is_some_and(|m| m.contains("delta")), "{fractional}");
    let lot = app
        .gql(
            Some(token),
            "mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { field code } } }",
            json!({"input": {"skuId": site.sku, "locationId": site.pick, "delta": 1, "lot": "L1", "reason": "FOUND"}}),
        )
        .await;
    assert_eq!(lot["data"]["inventoryAdjust"]["userErrors"], json!([{"field": ["input", "lot"], "code": "INVALID"}]));
    for (delta, reason) in [(-1, "FOUND"), (-1, "OPENING_STOCK"), (1, "LOST"), (1, "DAMAGED"), (1, "EXPIRED")] {
        let against = app
            .gql(
                Some(token),
                "mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { field code message } } }",
                json!({"input": {"skuId": site.sku, "locationId": site.pick, "delta": delta, "reason": reason}}),
            )
            .await;
        let error = &against["data"]["inventoryAdjust"]["userErrors"][0];
        assert_eq!(
            (&error["field"], &error["code"]),
            (&json!(["input", "delta"]), &json!("INVALID")),
            "{reason}: {against}"
        );
        assert!(error["message"].as_str().is_some_and(|m| m.contains(&reason.to_lowercase())), "{against}");
    }
    let same = app
        .gql(Some(token), MOVE, json!({"input": {"skuId": site.sku, "fromLocationId": site.pick, "toLocationId": site.pick, "quantity": 1}}))
        .await;
    assert_eq!(errors(&same["data"]["inventoryMove"]), [("toLocationId".into(), "INVALID".into())]);
    let across = app
        .gql(Some(token), MOVE, json!({"input": {"skuId": site.sku, "fromLocationId": site.pick, "toLocationId": other.pick, "quantity": 1}}))
        .await;
    assert_eq!(errors(&across["data"]["inventoryMove"]), [("toLocationId".into(), "INVALID".into())]);
    let negative = app.gql(Some(token), SET, json!({"input": {"skuId": site.sku, "locationId": site.pick, "quantity": -1, "compareQuantity": 5, "reason": "CORRECTION"}})).await;
    assert_eq!(errors(&negative["data"]["inventorySetOnHand"]), [("quantity".into(), "INVALID".into())]);

    let read = app.gql(Some(token), LEVEL, json!({"sku": site.sku})).await;
    assert_eq!(
        read["data"]["stockLevels"]["nodes"],
        json!([{"onHand": 5, "available": 5, "damaged": 0}]),
        "nothing changed: {read}"
    );
    let movements = app.gql(Some(token), "{ stockMovements(first: 50) { nodes { id } } }", json!({})).await;
    assert_eq!(movements["data"]["stockMovements"]["nodes"].as_array().map(Vec::len), Some(1), "{movements}");
}

#[tokio::test]
async fn a_merchant_reads_only_its_own_stock_and_cannot_change_any() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let acme = app.stock_site(&owner, "ACME").await;
    let beta = app.stock_site(&owner, "BETA").await;
    app.adjust(token, &acme.sku, &acme.pick, 5).await;
    app.adjust(token, &beta.sku, &beta.pick, 7).await;
    let merchant = app.merchant_member(&owner, "ops@acme.example.com", &acme.merchant).await;
    let seen = app
        .gql(
            Some(&merchant.access_token),
            "{ stockLevels(first: 10) { totalCount nodes { onHand sku { code } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        seen["data"]["stockLevels"],
        json!({"totalCount": 1, "nodes": [{"onHand": 5, "sku": {"code": "ACME-1"}}]}),
        "{seen}"
    );
    let check = app.gql(Some(&merchant.access_token), CHECK, json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"]["levelsChecked"], 1, "the check covers the merchant's own: {check}");
    let tried = app.adjust(&merchant.access_token, &acme.sku, &acme.pick, 1).await;
    assert_eq!(tried, Value::Null, "warehouse staff adjust stock, not merchants");
}

#[tokio::test]
async fn stock_exports_as_csv_by_level_and_by_bin_and_only_what_the_caller_may_read() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let acme = app.stock_site(&owner, "ACME").await;
    let beta = app.stock_site(&owner, "BETA").await;
    app.adjust(token, &acme.sku, &acme.pick, 5).await;
    app.adjust(token, &acme.sku, &acme.pick2, 2).await;
    app.adjust(token, &beta.sku, &beta.pick, 7).await;
    let get = |token: String, query: &'static str| {
        let request = app.http.get(format!("{}/exports/stock.csv{query}", app.url)).bearer_auth(token);
        async move {
            let answer = request.send().await.expect("export");
            (answer.status().as_u16(), answer.text().await.unwrap_or_default())
        }
    };
    let (status, levels) = get(owner.access_token.clone(), "").await;
    assert_eq!(status, 200, "{levels}");
    assert_eq!(
        levels,
        "merchant_code,sku_code,warehouse_code,on_hand,reserved,damaged,quality_control,safety_stock,incoming,available\n\
         ACME,ACME-1,ACME-W,7,0,0,0,0,0,7\nBETA,BETA-1,BETA-W,7,0,0,0,0,0,7\n"
    );
    let (_, bins) = get(owner.access_token.clone(), "?by=bin").await;
    let lines: Vec<&str> = bins.lines().collect();
    assert_eq!(
        lines[0],
        "merchant_code,sku_code,warehouse_code,location_code,lot,received_on,expires_on,on_hand,age_days"
    );
    assert!(lines[1].starts_with("ACME,ACME-1,ACME-W,A,,") && lines[1].ends_with(",,5,0"), "{bins}");
    assert!(lines[2].starts_with("ACME,ACME-1,ACME-W,B,,") && lines[2].ends_with(",,2,0"), "{bins}");
    assert_eq!(lines.len(), 4, "{bins}");

    let merchant = app.merchant_member(&owner, "ops@acme.example.com", &acme.merchant).await;
    let (_, own) = get(merchant.access_token.clone(), "").await;
    assert!(own.contains("ACME-1") && !own.contains("BETA"), "a merchant exports its own stock only: {own}");
    let stranger = app.signup("beta").await;
    let (_, none) = get(stranger.access_token.clone(), "").await;
    assert_eq!(none.lines().count(), 1, "another tenant's export has the header only: {none}");
    let (bad, refused) = get(owner.access_token.clone(), "?by=shelf").await;
    assert_eq!(bad, 400, "{refused}");
    let anonymous = app.http.get(format!("{}/exports/stock.csv", app.url)).send().await.expect("export");
    assert_eq!(anonymous.status().as_u16(), 401);
}
