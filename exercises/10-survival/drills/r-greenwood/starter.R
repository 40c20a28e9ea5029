# Kaplan–Meier S(t) and Greenwood's SE from the at-risk and event counts of each event day.
km_greenwood <- function(n_risk, n_event) {
  # Your code here.
  data.frame(survival = rep(1, length(n_risk)), se = rep(0, length(n_risk)))
}
