//! The ledger's invariant under a long random sequence of every stock
//! operation: each answer (done or refused) is what a model of the
//! warehouse predicts, and afterwards every level equals the sum of its
//! movements and bins, with nothing below zero.

use std::collections::HashMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};
use silkport_tests::TestApp;

const STEPS: usize = 300;

/// What the model holds: units per (SKU, location) and safety stock per SKU.
#[derive(Default)]
struct Model {
    bins: HashMap<(usize, usize), i64>,
    safety: HashMap<usize, i64>,
}

impl Model {
    /// Whether the level of `sku` stays sellable after `bins` would be set:
    /// available = on hand - damaged - safety stock >= 0 (nothing is reserved here).
    fn available(&self, sku: usize, damaged_location: usize) -> i64 {
        let on_hand: i64 = self.bins.iter().filter(|((s, _), _)| *s == sku).map(|(_, u)| u).sum();
        let damaged = self.bins.get(&(sku, damaged_location)).copied().unwrap_or(0);
        on_hand - damaged - self.safety.get(&sku).copied().unwrap_or(0)
    }
}

fn outcome(payload: &Value) -> Result<(), String> {
    match payload["userErrors"].as_array() {
        Some(errors) if errors.is_empty() => Ok(()),
        Some(errors) => Err(errors[0]["code"].as_str().unwrap_or("?").to_owned()),
        None => Err(format!("no payload: {payload}")),
    }
}

#[tokio::test]
#[expect(clippy::print_stdout, reason = "the seed is printed so a failing run can be repeated")]
async fn every_operation_in_a_random_sequence_keeps_the_ledger_whole() {
    let seed: u64 =
        std::env::var("SILKPORT_PROPERTY_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random);
    println!("seed {seed} (SILKPORT_PROPERTY_SEED={seed} repeats this run)");
    let mut rng = StdRng::seed_from_u64(seed);
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let product = app.product(token, &site.merchant, "second").await;
    let skus = [site.sku.clone(), app.sku(token, &product, "ACME-2", json!({})).await];
    // Receiving, two pick faces, damaged: index 3 is the damaged area.
    let locations = [site.receiving.clone(), site.pick.clone(), site.pick2.clone(), site.damaged.clone()];
    const DAMAGED: usize = 3;
    let mut model = Model::default();

    for step in 0..STEPS {
        let sku = rng.gen_range(0..skus.len());
        let at = rng.gen_range(0..locations.len());
        let units = model.bins.get(&(sku, at)).copied().unwrap_or(0);
        let (what, got, expected) = match rng.gen_range(0..4) {
            0 => {
                let delta: i64 = if rng.gen_bool(0.6) { rng.gen_range(1..8) } else { -rng.gen_range(1..6) };
                let mut after = Model { bins: model.bins.clone(), safety: model.safety.clone() };
                *after.bins.entry((sku, at)).or_default() += delta;
                let ok = units + delta >= 0 && after.available(sku, DAMAGED) >= 0;
                let got = outcome(&app.adjust(token, &skus[sku], &locations[at], delta).await);
                if got.is_ok() {
                    model = after;
                }
                (format!("adjust {delta} at {at}"), got, ok)
            }
            1 => {
                let to = (at + rng.gen_range(1..locations.len())) % locations.len();
                let quantity: i64 = rng.gen_range(1..6);
                let mut after = Model { bins: model.bins.clone(), safety: model.safety.clone() };
                *after.bins.entry((sku, at)).or_default() -= quantity;
                *after.bins.entry((sku, to)).or_default() += quantity;
                let ok = units >= quantity && after.available(sku, DAMAGED) >= 0;
                let answer = app
                    .gql(
                        Some(token),
                        "mutation($input: InventoryMoveInput!) { inventoryMove(input: $input) { userErrors { code } } }",
                        json!({"input": {"skuId": skus[sku], "fromLocationId": locations[at], "toLocationId": locations[to], "quantity": quantity}}),
                    )
                    .await;
                let got = outcome(&answer["data"]["inventoryMove"]);
                if got.is_ok() {
                    model = after;
                }
                (format!("move {quantity} from {at} to {to}"), got, ok)
            }
            2 => {
                let quantity: i64 = rng.gen_range(0..10);
                let stale = rng.gen_bool(0.2);
                let compare = if stale { units + 1 } else { units };
                let mut after = Model { bins: model.bins.clone(), safety: model.safety.clone() };
                after.bins.insert((sku, at), quantity);
                let ok = !stale && after.available(sku, DAMAGED) >= 0;
                let answer = app
                    .gql(
                        Some(token),
                        "mutation($input: InventorySetOnHandInput!) { inventorySetOnHand(input: $input) { userErrors { code } } }",
                        json!({"input": {"skuId": skus[sku], "locationId": locations[at], "quantity": quantity, "compareQuantity": compare, "reason": "CORRECTION"}}),
                    )
                    .await;
                let got = outcome(&answer["data"]["inventorySetOnHand"]);
                if got.is_ok() {
                    model = after;
                } else if !stale {
                    assert_eq!(got, Err("INSUFFICIENT_STOCK".into()), "step {step}: {answer}");
                } else {
                    assert_eq!(got, Err("STALE".into()), "step {step}: {answer}");
                }
                (format!("set {quantity} at {at} (compare {compare})"), got, ok)
            }
            _ => {
                let quantity: i64 = rng.gen_range(0..6);
                let now = model.safety.get(&sku).copied().unwrap_or(0);
                let mut after = Model { bins: model.bins.clone(), safety: model.safety.clone() };
                after.safety.insert(sku, quantity);
                let ok = after.available(sku, DAMAGED) >= 0;
                let answer = app
                    .gql(
                        Some(token),
                        "mutation($input: InventorySetSafetyStockInput!) { inventorySetSafetyStock(input: $input) { userErrors { code } } }",
                        json!({"input": {"skuId": skus[sku], "warehouseId": site.warehouse, "quantity": quantity, "compareQuantity": now}}),
                    )
                    .await;
                let got = outcome(&answer["data"]["inventorySetSafetyStock"]);
                if got.is_ok() {
                    model = after;
                }
                (format!("safety stock {quantity}"), got, ok)
            }
        };
        assert_eq!(got.is_ok(), expected, "step {step} (seed {seed}): {what} answered {got:?}");
    }

    let check = app
        .gql(
            Some(token),
            "{ inventoryCheck { ok movementsChecked mismatches { invariant quantityName recorded expected } } }",
            json!({}),
        )
        .await;
    assert_eq!(check["data"]["inventoryCheck"]["ok"], true, "seed {seed}: {check}");
    assert!(check["data"]["inventoryCheck"]["movementsChecked"].as_i64().unwrap_or(0) > 50, "{check}");
    for (i, sku) in skus.iter().enumerate() {
        let read = app
            .gql(Some(token), "query($s: ID!) { stockLevels(first: 5, skuId: $s) { nodes { onHand damaged safetyStock available } } }", json!({"s": sku}))
            .await;
        let on_hand: i64 = model.bins.iter().filter(|((s, _), _)| *s == i).map(|(_, u)| u).sum();
        let damaged = model.bins.get(&(i, DAMAGED)).copied().unwrap_or(0);
        let safety = model.safety.get(&i).copied().unwrap_or(0);
        let level = &read["data"]["stockLevels"]["nodes"][0];
        assert_eq!(
            (
                level["onHand"].as_i64(),
                level["damaged"].as_i64(),
                level["safetyStock"].as_i64(),
                level["available"].as_i64()
            ),
            (Some(on_hand), Some(damaged), Some(safety), Some(on_hand - damaged - safety)),
            "seed {seed}: {read}"
        );
    }
}
