//! A simulated carrier, for demos and tests: it registers every package it
//! is given (within the limits of a parcel carrier), numbers it
//! deterministically, prints a real label and moves it along a fixed
//! timeline that the clock drives.

use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};

use super::{
    Carrier, CarrierCode, CarrierError, LabelDocument, LabelFormat, Package, ServiceLevel, Shipment, ShipmentRequest,
    TrackingEvent, TrackingStatus, label,
};
use crate::platform::clock;

/// Prefix of every simulated tracking number.
const PREFIX: &str = "SIM";
/// Digits after the prefix, the last of them the check digit.
const DIGITS: usize = 11;
/// Heaviest package: UPS's limit, 150 lb.
pub const MAX_GRAMS: i32 = 68_000;
/// Longest side: UPS's limit, 108 in.
pub const MAX_SIDE_MM: i32 = 2_740;

/// The simulated carrier.
pub struct Simulated;

/// The Luhn check digit of `digits` (ISO/IEC 7812-1, as on payment cards).
fn luhn(digits: &str) -> u32 {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 { if d * 2 > 9 { d * 2 - 9 } else { d * 2 } } else { d }
        })
        .sum();
    (10 - sum % 10) % 10
}

/// `SIM` and 11 digits, the last the Luhn check digit of the ten before,
/// which come from a hash of `reference`: a retry gets the same number.
fn tracking_number(reference: &str) -> String {
    let hash = Sha256::digest(reference.as_bytes());
    let mut head = [0u8; 8];
    head.copy_from_slice(&hash[..8]);
    let body = format!("{:010}", u64::from_be_bytes(head) % 10_000_000_000);
    format!("{PREFIX}{body}{}", luhn(&body))
}

/// Whether `number` is one this carrier could have given.
fn is_ours(number: &str) -> bool {
    number.strip_prefix(PREFIX).is_some_and(|digits| {
        digits.len() == DIGITS
            && digits.bytes().all(|b| b.is_ascii_digit())
            && luhn(&digits[..DIGITS - 1]) == u32::from(digits.as_bytes()[DIGITS - 1] - b'0')
    })
}

fn check(package: &Package) -> Result<(), CarrierError> {
    if !(1..=MAX_GRAMS).contains(&package.weight_grams) {
        return Err(CarrierError::Weight { grams: package.weight_grams, max_grams: MAX_GRAMS });
    }
    let d = package.dimensions;
    if [d.length, d.width, d.height].iter().any(|side| !(1..=MAX_SIDE_MM).contains(side)) {
        return Err(CarrierError::Size { max_mm: MAX_SIDE_MM });
    }
    Ok(())
}

/// When each status is reached, after the label is created: picked up an
/// hour later, then in transit, out for delivery and delivered sooner or
/// later by service level.
fn timeline(service: ServiceLevel) -> [(TrackingStatus, Duration); 5] {
    let (in_transit, out_for_delivery) = match service {
        ServiceLevel::Express => (Duration::hours(4), Duration::hours(20)),
        ServiceLevel::Standard => (Duration::hours(12), Duration::days(2)),
        ServiceLevel::Economy => (Duration::days(1), Duration::days(5)),
    };
    [
        (TrackingStatus::LabelCreated, Duration::zero()),
        (TrackingStatus::PickedUp, Duration::hours(1)),
        (TrackingStatus::InTransit, in_transit),
        (TrackingStatus::OutForDelivery, out_for_delivery),
        (TrackingStatus::Delivered, out_for_delivery + Duration::hours(4)),
    ]
}

/// The events of a shipment registered at `created_at`, up to `now`.
fn events(service: ServiceLevel, created_at: DateTime<Utc>, now: DateTime<Utc>) -> Vec<TrackingEvent> {
    timeline(service)
        .into_iter()
        .map(|(status, after)| TrackingEvent { status, at: created_at + after })
        .take_while(|event| event.at <= now)
        .collect()
}

#[async_trait::async_trait]
impl Carrier for Simulated {
    fn code(&self) -> CarrierCode {
        CarrierCode::Simulated
    }

    async fn create_shipment(&self, request: &ShipmentRequest) -> Result<Shipment, CarrierError> {
        check(&request.package)?;
        let tracking_number = tracking_number(&request.reference);
        let bytes = match request.label_format {
            LabelFormat::Pdf => label::pdf(request, &tracking_number)?,
            LabelFormat::Zpl => label::zpl(request, &tracking_number)?.into_bytes(),
        };
        Ok(Shipment {
            carrier: CarrierCode::Simulated,
            tracking_number,
            service: request.service,
            label: Some(LabelDocument { format: request.label_format, bytes }),
            created_at: clock::now(),
        })
    }

    async fn track(&self, shipment: &Shipment) -> Result<Vec<TrackingEvent>, CarrierError> {
        if !is_ours(&shipment.tracking_number) {
            return Err(CarrierError::UnknownTrackingNumber(shipment.tracking_number.clone()));
        }
        Ok(events(shipment.service, shipment.created_at, clock::now()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fulfilment::carriers::{carrier, test_request as request};

    #[test]
    fn tracking_numbers_are_deterministic_with_a_luhn_check_digit() {
        let number = tracking_number("SO-1001/1");
        assert_eq!(number, tracking_number("SO-1001/1"));
        assert_ne!(number, tracking_number("SO-1001/2"));
        assert_eq!(number.len(), PREFIX.len() + DIGITS);
        assert!(is_ours(&number));
        assert_eq!(luhn("7992739871"), 3, "the ISO/IEC 7812 example");
        let last = number.as_bytes()[number.len() - 1] - b'0';
        let altered = format!("{}{}", &number[..number.len() - 1], (last + 1) % 10);
        assert!(!is_ours(&altered) && !is_ours("1Z999AA10123456784"));
    }

    #[tokio::test]
    async fn packages_past_a_parcel_carriers_limits_are_refused() {
        let mut heavy = request(LabelFormat::Pdf);
        heavy.package.weight_grams = MAX_GRAMS + 1;
        let refused = Simulated.create_shipment(&heavy).await;
        assert_eq!(refused, Err(CarrierError::Weight { grams: MAX_GRAMS + 1, max_grams: MAX_GRAMS }));
        let mut flat = request(LabelFormat::Pdf);
        flat.package.dimensions.height = 0;
        assert_eq!(Simulated.create_shipment(&flat).await, Err(CarrierError::Size { max_mm: MAX_SIDE_MM }));
    }

    #[test]
    fn events_come_in_order_as_time_passes() {
        let created = clock::now();
        let at = |hours| created + Duration::hours(hours);
        let statuses =
            |now| events(ServiceLevel::Standard, created, now).into_iter().map(|e| e.status).collect::<Vec<_>>();
        assert_eq!(statuses(created), [TrackingStatus::LabelCreated]);
        assert_eq!(statuses(at(1)), [TrackingStatus::LabelCreated, TrackingStatus::PickedUp]);
        assert_eq!(statuses(at(13)).last(), Some(&TrackingStatus::InTransit));
        assert_eq!(statuses(at(49)).last(), Some(&TrackingStatus::OutForDelivery));
        let all = events(ServiceLevel::Standard, created, at(100));
        // The simulated carrier always delivers: it never reports an EXCEPTION.
        let delivered = [
            TrackingStatus::LabelCreated,
            TrackingStatus::PickedUp,
            TrackingStatus::InTransit,
            TrackingStatus::OutForDelivery,
            TrackingStatus::Delivered,
        ];
        assert_eq!(all.iter().map(|e| e.status).collect::<Vec<_>>(), delivered);
        assert!(all.windows(2).all(|pair| pair[0].at < pair[1].at));
        assert_eq!(all[4].at, at(52));
        assert!(events(ServiceLevel::Express, created, at(24)).len() == 5);
    }

    /// Moves this process's clock (nextest runs each test in a process of its own).
    #[tokio::test]
    async fn tracking_follows_the_clock() {
        let simulated = carrier(CarrierCode::Simulated);
        let shipment = simulated.create_shipment(&request(LabelFormat::Zpl)).await.expect("a shipment");
        assert_eq!(simulated.track(&shipment).await.expect("events").len(), 1);
        clock::advance(Duration::minutes(61));
        let events = simulated.track(&shipment).await.expect("events");
        assert_eq!(
            events.last().map(|e| (e.status, e.at)),
            Some((TrackingStatus::PickedUp, shipment.created_at + Duration::hours(1)))
        );
        let unknown = Shipment { tracking_number: "SIM00000000001".into(), ..shipment };
        assert_eq!(simulated.track(&unknown).await, Err(CarrierError::UnknownTrackingNumber("SIM00000000001".into())));
    }
}
