farthest_point_init <- function(points, k) {
  sq_dist_to <- function(centre) rowSums(sweep(points, 2, centre)^2)
  seeds <- which.min(sq_dist_to(colMeans(points)))  # which.min/max: the first on a tie
  nearest <- sq_dist_to(points[seeds, ])
  while (length(seeds) < k) {
    far <- which.max(nearest)
    seeds <- c(seeds, far)
    nearest <- sq_dist_to(points[far, ])
  }
  seeds
}
