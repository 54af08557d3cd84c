//! How far a warehouse is from an order's destination: great-circle
//! kilometres between the two countries' centroids (the `keshvar` crate's
//! country data), zero within one country. Allocation ranks warehouses by
//! it ("the warehouse nearest the destination country").

use keshvar::Alpha2;

/// Mean Earth radius, kilometres (IUGG).
const EARTH_RADIUS_KM: f64 = 6_371.0;

/// Kilometres between countries `from` and `to` (ISO 3166-1 alpha-2);
/// `None` when either is not a country the data knows.
pub fn km(from: &str, to: &str) -> Option<i32> {
    if from.eq_ignore_ascii_case(to) {
        return Some(0);
    }
    let centroid = |code: &str| {
        let geo = Alpha2::try_from(code.to_ascii_uppercase().as_str()).ok()?.to_country().geo();
        Some((geo.latitude().to_radians(), geo.longitude().to_radians()))
    };
    let ((lat1, lon1), (lat2, lon2)) = (centroid(from)?, centroid(to)?);
    // Haversine.
    let a = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    Some((2.0 * EARTH_RADIUS_KM * a.sqrt().asin()).round() as i32)
}

#[cfg(test)]
mod tests {
    use super::km;

    #[test]
    fn the_same_country_is_zero_and_neighbours_are_nearer_than_other_continents() {
        assert_eq!(km("US", "us"), Some(0));
        let (de_fr, de_us, us_ca) = (km("DE", "FR"), km("DE", "US"), km("US", "CA"));
        assert!(de_fr.is_some_and(|d| d < 1_000), "{de_fr:?}");
        assert!(de_us.is_some_and(|d| d > 6_000), "{de_us:?}");
        assert!(us_ca < de_us, "{us_ca:?} {de_us:?}");
        assert_eq!(km("US", "ZZ"), None);
    }
}
