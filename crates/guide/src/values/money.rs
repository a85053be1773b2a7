//! Amounts of money in whole cents.

use serde::{Serialize, Serializer};

use super::InvalidValue;

/// Writes a whole number with commas between groups of three digits, as US English does: for
/// counting a figure's words; a reader's numbers come from the edition's labels
/// ([`Labels::number`](crate::Labels::number)).
pub(crate) fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// An amount of money in whole cents, with its currency.
///
/// Written as a number in the content (`42590` or `20.29`); displayed with a currency sign and
/// thousands separators (`$42,590`, `$20.29`).
///
/// # Examples
///
/// ```
/// use mht_guide::Money;
///
/// let pay = Money::from_cents(4_259_000, "USD")?;
/// let labels = &mht_guide::guide().labels;
/// assert_eq!(labels.money(&pay), "$42,590");
/// assert_eq!(labels.money(&Money::from_cents(2029, "USD")?), "$20.29");
/// # Ok::<(), mht_guide::InvalidValue>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    cents: u64,
    currency: Currency,
}

/// The currencies a figure can be given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[non_exhaustive]
pub enum Currency {
    /// United States dollars.
    #[serde(rename = "USD")]
    Usd,
}

impl Currency {
    /// Parses an ISO 4217 code this crate knows.
    ///
    /// # Errors
    ///
    /// A message listing the supported codes.
    pub fn parse(code: &str) -> Result<Currency, InvalidValue> {
        Self::parse_message(code).map_err(InvalidValue)
    }

    fn parse_message(code: &str) -> Result<Currency, String> {
        match code {
            "USD" => Ok(Currency::Usd),
            _ => Err(format!(
                "unknown currency `{code}`; the supported currency is `USD`"
            )),
        }
    }

    /// The ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Currency::Usd => "$",
        }
    }
}

impl Money {
    /// Builds an amount from whole cents and a currency.
    pub fn new(cents: u64, currency: Currency) -> Money {
        Money { cents, currency }
    }

    /// Builds an amount from whole cents and an ISO 4217 currency code.
    ///
    /// # Errors
    ///
    /// When the currency code is not supported.
    pub fn from_cents(cents: u64, currency: &str) -> Result<Money, InvalidValue> {
        Ok(Money::new(cents, Currency::parse(currency)?))
    }

    /// Builds an amount from a number as written in the content.
    ///
    /// # Errors
    ///
    /// When the number is negative, not finite, has more than two decimals or is absurdly
    /// large, or when the currency is not supported.
    pub fn from_number(amount: f64, currency: &str) -> Result<Money, InvalidValue> {
        let currency = Currency::parse(currency)?;
        let cents = Money::cents_from_number(amount).map_err(InvalidValue)?;
        Ok(Money::new(cents, currency))
    }

    /// Whole cents from a number of currency units with at most two decimals.
    pub(crate) fn cents_from_number(amount: f64) -> Result<u64, String> {
        let cents = amount * 100.0;
        // Pay is never nothing: zero is as unusable as a negative number.
        if !(cents.is_finite() && cents > 0.0 && cents <= 1e15) {
            return Err(format!(
                "`{amount}` is not a usable amount; write a positive number such as `42590` or \
                 `20.29`"
            ));
        }
        if (cents - cents.round()).abs() > 1e-6 {
            return Err(format!(
                "`{amount}` has more than two decimals; round it to whole cents"
            ));
        }
        // The checks above keep the value within u64 and integral.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Ok(cents.round() as u64)
    }

    /// The amount in cents.
    pub fn cents(&self) -> u64 {
        self.cents
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }
}

impl Money {
    /// The amount in US English (`$42,590`, `$20.29`), for counting a figure's words in a
    /// section. What a reader of an edition sees comes from its labels instead
    /// ([`Labels::money`](crate::Labels::money)), in the edition's language.
    pub(crate) fn english(&self) -> String {
        let grouped = group_digits(self.cents / 100);
        match self.cents % 100 {
            0 => format!("{}{grouped}", self.currency.symbol()),
            cents => format!("{}{grouped}.{cents:02}", self.currency.symbol()),
        }
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Money", 2)?;
        if self.cents.is_multiple_of(100) {
            s.serialize_field("amount", &(self.cents / 100))?;
        } else {
            // Cents are exact in f64 far beyond any pay figure.
            #[allow(clippy::cast_precision_loss)]
            s.serialize_field("amount", &(self.cents as f64 / 100.0))?;
        }
        s.serialize_field("currency", &self.currency)?;
        s.end()
    }
}
