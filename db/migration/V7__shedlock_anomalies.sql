-- ShedLock: with several app instances each scheduled job runs once.
CREATE TABLE shedlock (
    name       varchar(64) PRIMARY KEY,
    lock_until timestamp NOT NULL,
    locked_at  timestamp NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- A use case's day whose cost was above mean + 3 sd of its previous 28 days (and above $1).
CREATE TABLE anomaly (
    day           date NOT NULL,
    use_case      text NOT NULL,
    cost          numeric NOT NULL,
    baseline_mean numeric NOT NULL,
    baseline_sd   numeric NOT NULL,
    detected_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (day, use_case)
);

-- Days the detector has looked at, so that a missed run is caught up and no day is judged twice.
CREATE TABLE anomaly_scan (
    day        date PRIMARY KEY,
    scanned_at timestamptz NOT NULL DEFAULT now()
);
