//! The PostgreSQL register's connection: libpq's `sslmode` rules over rustls, the password
//! from the URL or a `.pgpass` file, and every wait bounded.
//!
//! - **TLS.** Any host that is not loopback (`localhost`, `127.0.0.1`, `::1`, a Unix socket)
//!   gets `verify-full` unless the URL says otherwise: the certificate chain to `sslrootcert`
//!   (a PEM file) or the system's roots, and the host name. `verify-ca` checks the chain only,
//!   `require` encrypts without checking, `disable` is plain. `allow` and `prefer`, which fall
//!   back to plain text, are refused. A plain link to a host that is not loopback is refused
//!   unless `sslmode=disable` is explicit, and then it never carries a password: the register
//!   says the link is not encrypted, on every sheet and in the window.
//! - **Waits.** The synchronous `postgres` crate cannot bound a server that accepts a
//!   connection and then stops answering (issue 20: still waiting after 45 s). Here every
//!   call, connecting included (name lookup, TCP, the TLS request and handshake, the login),
//!   runs on a one-thread tokio runtime under a deadline; past it the connection is dropped
//!   and the caller gets a message, never a hang.
//! - **Password file.** With no password in the URL, libpq's `.pgpass` format is read from
//!   `passfile=…`, `$PGPASSFILE`, or `~/.pgpass` (a regular file readable by its owner only).

use std::future::Future;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use tokio::runtime::Runtime;
use tokio_postgres::config::{Host, SslMode as PgSslMode};
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Config, NoTls, Row, Transaction};

/// libpq's TLS modes that this program honours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SslMode {
    Disable,
    Require,
    VerifyCa,
    VerifyFull,
}

/// Why no connection was made, or a call failed.
#[derive(Debug)]
pub enum PgError {
    /// The server's or the driver's own error.
    Pg(tokio_postgres::Error),
    /// The link would not be private, or the server's identity is not proven: nothing was sent.
    Insecure(String),
    /// The address or its options cannot be used.
    Address(String),
    /// No answer within the deadline (what was being waited for).
    TimedOut(&'static str),
    /// An earlier call timed out or the server closed the connection.
    Dead,
}

/// What connecting decided, for the register to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub mode: SslMode,
    /// A plain link to a host that is not loopback (`sslmode=disable` given explicitly).
    pub unencrypted_remote: bool,
}

/// Our options, taken out of the URL before tokio-postgres reads it (it knows none of them).
#[derive(Debug, Default)]
struct Extra {
    sslmode: Option<String>,
    sslrootcert: Option<String>,
    passfile: Option<String>,
}

fn pct(s: &str) -> Result<String, String> {
    percent_encoding::percent_decode_str(s).decode_utf8().map(|c| c.into_owned()).map_err(|e| e.to_string())
}

/// Splits our options off a `postgres://` URL; the rest goes to tokio-postgres as written.
fn strip_extra(url: &str) -> Result<(String, Extra), String> {
    let mut extra = Extra::default();
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .ok_or("not a postgres:// address")?;
    // The credentials run to the first '@' (as tokio-postgres reads them), then the query.
    let creds_end = rest.find('@').map_or(0, |i| i + 1);
    let Some(i) = rest[creds_end..].find('?') else { return Ok((url.to_owned(), extra)) };
    let q = url.len() - rest.len() + creds_end + i;
    let mut kept = Vec::new();
    for seg in url[q + 1..].split('&').filter(|seg| !seg.is_empty()) {
        let (k, v) = seg.split_once('=').ok_or("an option without '='")?;
        match pct(k)?.as_str() {
            "sslmode" => extra.sslmode = Some(pct(v)?),
            "sslrootcert" => extra.sslrootcert = Some(pct(v)?),
            "passfile" => extra.passfile = Some(pct(v)?),
            _ => kept.push(seg),
        }
    }
    let base = &url[..q];
    Ok((if kept.is_empty() { base.to_owned() } else { format!("{base}?{}", kept.join("&")) }, extra))
}

/// Whether the URL names this machine: every host is `localhost`, a loopback address or a
/// Unix socket. A host name is judged by the name, whatever `hostaddr` says: the name is what
/// the certificate must prove (a name with `hostaddr=127.0.0.1` is treated as remote).
fn loopback(cfg: &Config) -> bool {
    let (hosts, addrs) = (cfg.get_hosts(), cfg.get_hostaddrs());
    let n = hosts.len().max(addrs.len());
    n > 0
        && (0..n).all(|i| match (hosts.get(i), addrs.get(i)) {
            (Some(Host::Tcp(h)), _) => {
                h.eq_ignore_ascii_case("localhost")
                    || h.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
            }
            #[cfg(unix)]
            (Some(Host::Unix(_)), _) => true,
            (None, Some(ip)) => ip.is_loopback(),
            (None, None) => false,
        })
}

fn unix_socket(cfg: &Config) -> bool {
    #[cfg(unix)]
    {
        cfg.get_hosts().iter().any(|h| matches!(h, Host::Unix(_)))
    }
    #[cfg(not(unix))]
    {
        let _ = cfg;
        false
    }
}

/// The mode the link will have: the URL's, else `verify-full` off loopback and plain on it.
fn decide(cfg: &Config, extra: &Extra) -> Result<SslMode, PgError> {
    let asked = match extra.sslmode.as_deref() {
        None => None,
        Some("disable") => Some(SslMode::Disable),
        Some("require") => Some(SslMode::Require),
        Some("verify-ca") => Some(SslMode::VerifyCa),
        Some("verify-full") => Some(SslMode::VerifyFull),
        Some(m @ ("allow" | "prefer")) => {
            return Err(PgError::Insecure(format!(
                "sslmode={m} would fall back to an unencrypted link: use verify-full (or require, or disable on this machine)"
            )));
        }
        Some(other) => {
            return Err(PgError::Address(format!(
                "sslmode={} is not known: use verify-full, verify-ca, require or disable",
                other.chars().take(30).collect::<String>()
            )));
        }
    };
    // A Unix socket never uses TLS (as libpq).
    if unix_socket(cfg) {
        return Ok(SslMode::Disable);
    }
    let mode = asked.unwrap_or(if loopback(cfg) { SslMode::Disable } else { SslMode::VerifyFull });
    // require with a root certificate named checks the chain, as libpq does.
    Ok(if mode == SslMode::Require && extra.sslrootcert.is_some() { SslMode::VerifyCa } else { mode })
}

/// The trusted roots: the PEM file named, else the system's.
fn roots(file: Option<&str>) -> Result<rustls::RootCertStore, PgError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut store = rustls::RootCertStore::empty();
    match file.filter(|f| *f != "system") {
        Some(f) => {
            let bad = |e: String| {
                PgError::Insecure(format!("the root certificate file sslrootcert={f} cannot be used: {e}"))
            };
            for cert in CertificateDer::pem_file_iter(f).map_err(|e| bad(e.to_string()))? {
                store.add(cert.map_err(|e| bad(e.to_string()))?).map_err(|e| bad(e.to_string()))?;
            }
        }
        None => {
            let found = rustls_native_certs::load_native_certs();
            let _ = store.add_parsable_certificates(found.certs);
        }
    }
    if store.is_empty() {
        return Err(PgError::Insecure("no trusted certificate authority was found (sslrootcert)".to_owned()));
    }
    Ok(store)
}

/// ring, not aws-lc-rs: it builds with the C compiler every workstation toolchain has (no
/// cmake), and keeps the binary small. rustls marks it deprecated only for lacking
/// post-quantum key exchange, which a hospital's register link does not need yet.
#[allow(deprecated)]
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn tls_config(mode: SslMode, rootcert: Option<&str>) -> Result<rustls::ClientConfig, PgError> {
    let p = provider();
    let algs = p.signature_verification_algorithms;
    let builder = rustls::ClientConfig::builder_with_provider(p)
        .with_safe_default_protocol_versions()
        .map_err(|e| PgError::Insecure(e.to_string()))?;
    let mut cfg = match mode {
        SslMode::VerifyCa => {
            if rootcert.is_none_or(|f| f == "system") {
                return Err(PgError::Insecure(
                    "sslmode=verify-ca needs sslrootcert=FILE (the certificate authority that signs the server's certificate)".to_owned(),
                ));
            }
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Lenient {
                    roots: Some(Arc::new(roots(rootcert)?)),
                    algs,
                }))
                .with_no_client_auth()
        }
        SslMode::Require => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Lenient { roots: None, algs }))
            .with_no_client_auth(),
        SslMode::VerifyFull | SslMode::Disable => {
            builder.with_root_certificates(roots(rootcert)?).with_no_client_auth()
        }
    };
    cfg.alpn_protocols = vec![b"postgresql".to_vec()];
    Ok(cfg)
}

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{WebPkiSupportedAlgorithms, verify_tls12_signature, verify_tls13_signature};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

/// verify-ca (`roots`: the chain to them, dates and purpose; not the name) and require (no
/// roots: the certificate is not checked). Both still check the handshake's signature, so the
/// peer holds the key of the certificate it showed.
#[derive(Debug)]
struct Lenient {
    roots: Option<Arc<rustls::RootCertStore>>,
    algs: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Lenient {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Some(roots) = &self.roots {
            let cert = rustls::server::ParsedCertificate::try_from(end_entity)?;
            rustls::client::verify_server_cert_signed_by_trust_anchor(
                &cert,
                roots,
                intermediates,
                now,
                self.algs.all,
            )?;
        }
        Ok(ServerCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(m, c, d, &self.algs)
    }
    fn verify_tls13_signature(
        &self,
        m: &[u8],
        c: &CertificateDer<'_>,
        d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(m, c, d, &self.algs)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algs.supported_schemes()
    }
}

// ------------------------------------------------------------------ .pgpass

/// The password file: `passfile=…`, else `$PGPASSFILE`, else `~/.pgpass` (Windows:
/// `%APPDATA%\postgresql\pgpass.conf`).
fn pgpass_path(passfile: Option<&str>) -> Option<PathBuf> {
    if let Some(p) = passfile {
        return Some(p.into());
    }
    if let Some(p) = std::env::var_os("PGPASSFILE") {
        return Some(p.into());
    }
    #[cfg(windows)]
    {
        std::env::var_os("APPDATA").map(|a| Path::new(&a).join("postgresql").join("pgpass.conf"))
    }
    #[cfg(not(windows))]
    {
        std::env::var_os("HOME").map(|h| Path::new(&h).join(".pgpass"))
    }
}

/// One line's four fields (text, a lone `*`) and its password; `None` for a short line.
fn pgpass_line(line: &str) -> Option<([(String, bool); 4], String)> {
    let mut fields: Vec<(String, bool)> = Vec::with_capacity(4);
    let (mut cur, mut escaped) = (String::new(), false);
    let mut it = line.chars();
    while let Some(c) = it.next() {
        match c {
            '\\' => match it.next() {
                Some(n) => {
                    cur.push(n);
                    escaped = true;
                }
                None => cur.push('\\'),
            },
            ':' if fields.len() < 4 => {
                let star = cur == "*" && !escaped;
                fields.push((std::mem::take(&mut cur), star));
                escaped = false;
            }
            ':' => break,
            c => cur.push(c),
        }
    }
    let fields: [(String, bool); 4] = fields.try_into().ok()?;
    Some((fields, cur))
}

/// The password for (host, port, database, user) from a libpq password file, if one matches.
/// The file is ignored unless it is a regular file only its owner may read (Unix).
pub fn pgpass_lookup(path: &Path, host: &str, port: u16, dbname: &str, user: &str) -> Option<String> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > 1_000_000 {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(path).ok()?;
    let port = port.to_string();
    let wanted = [host, port.as_str(), dbname, user];
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(pgpass_line)
        .find(|(fields, _)| fields.iter().zip(wanted).all(|((text, star), w)| *star || text == w))
        .map(|(_, password)| password)
}

fn pgpass_for(cfg: &Config, passfile: Option<&str>) -> Option<String> {
    let path = pgpass_path(passfile)?;
    let host = match (cfg.get_hosts().first(), cfg.get_hostaddrs().first()) {
        (Some(Host::Tcp(h)), _) => h.clone(),
        (None, Some(ip)) => ip.to_string(),
        _ => "localhost".to_owned(),
    };
    let port = cfg.get_ports().first().copied().unwrap_or(5432);
    let user = cfg.get_user().unwrap_or_default().to_owned();
    let dbname = cfg.get_dbname().map(str::to_owned).unwrap_or_else(|| user.clone());
    pgpass_lookup(&path, &host, port, &dbname, &user)
}

// ------------------------------------------------------------------ the client

/// A connection whose every call has a deadline.
pub struct PgClient {
    rt: Option<Runtime>,
    client: Client,
    op_timeout: Duration,
    dead: bool,
    pub link: Link,
}

/// Runs `fut` on `rt`, at most `d`.
fn run<T, F>(rt: &Runtime, d: Duration, what: &'static str, fut: F) -> Result<T, PgError>
where
    F: Future<Output = Result<T, tokio_postgres::Error>>,
{
    match rt.block_on(async move { tokio::time::timeout(d, fut).await }) {
        Ok(r) => r.map_err(PgError::Pg),
        Err(_) => Err(PgError::TimedOut(what)),
    }
}

fn guard<T>(dead: &mut bool, r: Result<T, PgError>) -> Result<T, PgError> {
    match &r {
        Err(PgError::TimedOut(_)) => *dead = true,
        Err(PgError::Pg(e)) if e.is_closed() => *dead = true,
        _ => {}
    }
    r
}

impl PgClient {
    /// Connects to `url` as this module's header says. `connect` bounds the whole
    /// connection (name lookup to login); `op` bounds each later call.
    pub fn connect(url: &str, options: &str, connect: Duration, op: Duration) -> Result<PgClient, PgError> {
        let (cleaned, extra) = strip_extra(url).map_err(PgError::Address)?;
        let mut cfg = Config::from_str(&cleaned).map_err(|e| PgError::Address(e.to_string()))?;
        let mode = decide(&cfg, &extra)?;
        let remote = !loopback(&cfg) && !unix_socket(&cfg);
        if mode == SslMode::Disable && remote && cfg.get_password().is_some() {
            return Err(PgError::Insecure(
                "sslmode=disable to a host that is not this machine would send the password unencrypted"
                    .to_owned(),
            ));
        }
        if cfg.get_password().is_none()
            && !(mode == SslMode::Disable && remote)
            && let Some(p) = pgpass_for(&cfg, extra.passfile.as_deref())
        {
            cfg.password(p);
        }
        if mode != SslMode::Disable && cfg.get_hosts().iter().any(|h| !matches!(h, Host::Tcp(_))) {
            return Err(PgError::Address("give host=NAME for the certificate check".to_owned()));
        }
        cfg.connect_timeout(connect);
        cfg.keepalives(true);
        cfg.keepalives_idle(Duration::from_secs(30));
        cfg.application_name("nkact-dose");
        cfg.options(options);
        cfg.ssl_mode(if mode == SslMode::Disable { PgSslMode::Disable } else { PgSslMode::Require });
        let tls = match mode {
            SslMode::Disable => None,
            m => Some(tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(
                m,
                extra.sslrootcert.as_deref(),
            )?)),
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(|e| PgError::Address(e.to_string()))?;
        let res = rt.block_on(async {
            tokio::time::timeout(connect * 2, async {
                let client = match tls {
                    None => {
                        let (c, conn) = cfg.connect(NoTls).await?;
                        tokio::spawn(conn);
                        c
                    }
                    Some(m) => {
                        let (c, conn) = cfg.connect(m).await?;
                        tokio::spawn(conn);
                        c
                    }
                };
                Ok::<_, tokio_postgres::Error>(client)
            })
            .await
        });
        match res {
            Ok(Ok(client)) => Ok(PgClient {
                rt: Some(rt),
                client,
                op_timeout: op,
                dead: false,
                link: Link { mode, unencrypted_remote: mode == SslMode::Disable && remote },
            }),
            Ok(Err(e)) => {
                rt.shutdown_background();
                Err(PgError::Pg(e))
            }
            Err(_) => {
                rt.shutdown_background();
                Err(PgError::TimedOut("connecting"))
            }
        }
    }

    fn parts(&mut self) -> Result<(&Runtime, &mut Client, Duration, &mut bool), PgError> {
        if self.dead {
            return Err(PgError::Dead);
        }
        let rt = self.rt.as_ref().ok_or(PgError::Dead)?;
        Ok((rt, &mut self.client, self.op_timeout, &mut self.dead))
    }

    pub fn batch_execute(&mut self, sql: &str) -> Result<(), PgError> {
        let (rt, c, d, dead) = self.parts()?;
        guard(dead, run(rt, d, "waiting for the server", c.batch_execute(sql)))
    }

    pub fn query(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, PgError> {
        let (rt, c, d, dead) = self.parts()?;
        guard(dead, run(rt, d, "waiting for the server", c.query(sql, params)))
    }

    pub fn transaction(&mut self) -> Result<PgTx<'_>, PgError> {
        let (rt, c, d, dead) = self.parts()?;
        let tx = guard(dead, run(rt, d, "waiting for the server", c.transaction()))?;
        Ok(PgTx { rt, tx, op_timeout: d, dead })
    }
}

impl Drop for PgClient {
    fn drop(&mut self) {
        // Never wait on a stuck server when the program closes the connection.
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}

/// A transaction: rolled back when dropped without a commit.
pub struct PgTx<'a> {
    rt: &'a Runtime,
    tx: Transaction<'a>,
    op_timeout: Duration,
    dead: &'a mut bool,
}

impl PgTx<'_> {
    pub fn query(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, PgError> {
        guard(self.dead, run(self.rt, self.op_timeout, "waiting for the server", self.tx.query(sql, params)))
    }

    pub fn execute(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, PgError> {
        guard(
            self.dead,
            run(self.rt, self.op_timeout, "waiting for the server", self.tx.execute(sql, params)),
        )
    }

    pub fn batch_execute(&mut self, sql: &str) -> Result<(), PgError> {
        guard(self.dead, run(self.rt, self.op_timeout, "waiting for the server", self.tx.batch_execute(sql)))
    }

    pub fn commit(self) -> Result<(), PgError> {
        let PgTx { rt, tx, op_timeout, dead } = self;
        guard(dead, run(rt, op_timeout, "the commit (its outcome is not known)", tx.commit()))
    }
}
