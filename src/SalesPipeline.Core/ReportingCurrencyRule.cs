using System;
using System.Collections.Generic;
using System.Linq;

namespace SalesPipeline;

// The one rule for the reporting currency of every report (forecasts, health, metrics, attainment), documented in
// docs/money.md ("The reporting currency"):
// - with exchange rates, the rates' reporting currency;
// - without rates, the one currency of the amounts the report reads (its deals, and its target when it has one: a
//   coverage goal, quotas, WinRateOptions.Currency);
// - amounts in several currencies without rates are an error naming every currency, never a choice by input order or
//   by id, so the answer does not depend on how the deals were listed.
internal static class ReportingCurrencyRule
{
    // The reporting currency, or null when there are no rates and no amounts.
    internal static Currency? Choose(ExchangeRates? rates, IEnumerable<Currency> currencies)
    {
        if (rates is not null)
        {
            return rates.ReportingCurrency;
        }
        Currency? one = null;
        foreach (var currency in currencies)
        {
            if (one is null)
            {
                one = currency;
            }
            else if (currency != one)
            {
                throw Mixed(currencies);
            }
        }
        return one;
    }

    internal static MissingExchangeRateException Mixed(IEnumerable<Currency> currencies) =>
        new(currencies.Distinct().OrderBy(c => c.Code, StringComparer.Ordinal).ToArray());
}
