# Kaplan–Meier S(t) and Greenwood's SE from the at-risk and event counts of each event day.
km_greenwood <- function(n_risk, n_event) {
  # Doubles: n * (n - d) overflows R's 32-bit integers beyond 46,340 patients at risk.
  n <- as.numeric(n_risk)
  d <- as.numeric(n_event)
  survival <- cumprod((n - d) / n)
  # d / 0 is Inf where n == d, and 0 * sqrt(Inf) is NaN: the SE that does not exist.
  se <- survival * sqrt(cumsum(d / (n * (n - d))))
  data.frame(survival = survival, se = se)
}
