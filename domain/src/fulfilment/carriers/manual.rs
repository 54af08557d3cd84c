//! Manual shipping: the operator hands the package to a carrier Silkport
//! has no adapter for and types the tracking number that carrier gave.

use super::{Carrier, CarrierCode, CarrierError, Shipment, ShipmentRequest, TrackingEvent};
use crate::platform::clock;

/// Shortest and longest tracking number: carriers' run from 10 characters
/// (DHL Express) to 34 (a USPS IMpb barcode with its ZIP routing prefix);
/// the margins take the odd local carrier.
const LENGTH: std::ops::RangeInclusive<usize> = 4..=40;

/// The operator's own carrier: no label, no tracking feed.
pub struct Manual;

/// `raw` trimmed, if it is 4 to 40 visible ASCII characters (no spaces).
fn tracking_number(raw: Option<&str>) -> Result<String, CarrierError> {
    let text = raw.map(str::trim).filter(|t| !t.is_empty()).ok_or(CarrierError::TrackingNumberMissing)?;
    if !LENGTH.contains(&text.len()) || !text.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(CarrierError::TrackingNumberInvalid(text.to_owned()));
    }
    Ok(text.to_owned())
}

#[async_trait::async_trait]
impl Carrier for Manual {
    fn code(&self) -> CarrierCode {
        CarrierCode::Manual
    }

    async fn create_shipment(&self, request: &ShipmentRequest) -> Result<Shipment, CarrierError> {
        Ok(Shipment {
            carrier: CarrierCode::Manual,
            tracking_number: tracking_number(request.tracking_number.as_deref())?,
            service: request.service,
            label: None,
            created_at: clock::now(),
        })
    }

    /// Nothing: a manual shipment's events are the operator's to record.
    async fn track(&self, _shipment: &Shipment) -> Result<Vec<TrackingEvent>, CarrierError> {
        Ok(Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fulfilment::carriers::{LabelFormat, carrier, test_request as request};

    #[test]
    fn a_tracking_number_is_4_to_40_visible_characters() {
        assert_eq!(tracking_number(Some(" 1Z999AA10123456784 ")), Ok("1Z999AA10123456784".into()));
        assert_eq!(tracking_number(Some("ABCD")), Ok("ABCD".into()));
        assert_eq!(tracking_number(Some(&"9".repeat(40))), Ok("9".repeat(40)));
        assert_eq!(tracking_number(None), Err(CarrierError::TrackingNumberMissing));
        assert_eq!(tracking_number(Some("  ")), Err(CarrierError::TrackingNumberMissing));
        for bad in ["ABC", &"9".repeat(41), "1Z 999", "单号1234"] {
            assert_eq!(tracking_number(Some(bad)), Err(CarrierError::TrackingNumberInvalid(bad.into())), "{bad}");
        }
    }

    #[tokio::test]
    async fn manual_shipments_carry_the_typed_number_and_no_label() {
        let manual = carrier(CarrierCode::Manual);
        let typed = ShipmentRequest { tracking_number: Some("1Z999AA10123456784".into()), ..request(LabelFormat::Pdf) };
        let shipment = manual.create_shipment(&typed).await.expect("a shipment");
        assert_eq!(
            (shipment.carrier, shipment.tracking_number.as_str(), &shipment.label),
            (CarrierCode::Manual, "1Z999AA10123456784", &None)
        );
        assert_eq!(manual.track(&shipment).await, Ok(Vec::new()));
    }
}
