//! The certificate authority made for one run: its certificate (what a runtime is told
//! to trust), and a leaf certificate per host name or IP address, signed on first use
//! and cached, which the TLS side of the proxy presents.

use std::collections::HashMap;
use std::io;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, SanType,
};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use rustls::{ServerConfig, crypto::ring};
use time::OffsetDateTime;

/// How long the certificates are valid around the time they are made: a run is
/// minutes long, and a clock a little off must not matter.
const VALIDITY: Duration = Duration::from_secs(7 * 24 * 3600);

/// Leaves cached at most: far more hosts than a page's snippets send to.
const MAX_LEAVES: usize = 1024;

/// A CA of one run and the leaves it signed.
pub(super) struct Authority {
    issuer: Issuer<'static, KeyPair>,
    certificate: CertificateDer<'static>,
    pem: String,
    /// One key for every leaf: signing a certificate is cheap, making a key less so.
    leaf_key: KeyPair,
    signing_key: Arc<dyn rustls::sign::SigningKey>,
    leaves: Mutex<HashMap<String, Arc<CertifiedKey>>>,
    serial: AtomicU64,
    provider: Arc<CryptoProvider>,
}

impl Authority {
    /// A new CA with a new key (ECDSA P-256).
    pub(super) fn new() -> io::Result<Authority> {
        let key = KeyPair::generate().map_err(io::Error::other)?;
        let mut params = CertificateParams::default();
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(
            DnType::CommonName,
            "inference-snippets recording proxy (one run)",
        );
        params
            .distinguished_name
            .push(DnType::OrganizationName, "inference-snippets");
        params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        validity(&mut params);
        let certificate = params.self_signed(&key).map_err(io::Error::other)?;
        let leaf_key = KeyPair::generate().map_err(io::Error::other)?;
        let der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(leaf_key.serialize_der()));
        let signing_key = ring::sign::any_supported_type(&der).map_err(io::Error::other)?;
        Ok(Authority {
            pem: certificate.pem(),
            certificate: certificate.der().clone(),
            issuer: Issuer::new(params, key),
            leaf_key,
            signing_key,
            leaves: Mutex::new(HashMap::new()),
            serial: AtomicU64::new(1),
            // Deprecated for lacking post-quantum key exchange, which a loopback run
            // of test clients does not need; aws-lc-rs would cost a C build.
            #[allow(deprecated)]
            provider: Arc::new(ring::default_provider()),
        })
    }

    /// The CA certificate in PEM.
    pub(super) fn pem(&self) -> &str {
        &self.pem
    }

    /// The CA certificate in DER.
    pub(super) fn der(&self) -> &[u8] {
        &self.certificate
    }

    /// The certificate and key for `host` (a DNS name or an IP address, any case),
    /// made on first use.
    fn leaf(&self, host: &str) -> Option<Arc<CertifiedKey>> {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let host = host.to_ascii_lowercase();
        let mut leaves = self
            .leaves
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        if let Some(leaf) = leaves.get(&host) {
            return Some(Arc::clone(leaf));
        }
        let mut params = CertificateParams::default();
        params.distinguished_name = DistinguishedName::new();
        params
            .distinguished_name
            .push(DnType::CommonName, host.as_str());
        params.subject_alt_names = vec![match host.parse::<IpAddr>() {
            Ok(ip) => SanType::IpAddress(ip),
            Err(_) => SanType::DnsName(host.clone().try_into().ok()?),
        }];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.use_authority_key_identifier_extension = true;
        // Every leaf shares a key: its serial tells them apart.
        params.serial_number = Some(self.serial.fetch_add(1, Ordering::Relaxed).into());
        validity(&mut params);
        let certificate = params.signed_by(&self.leaf_key, &self.issuer).ok()?;
        let leaf = Arc::new(CertifiedKey::new(
            vec![certificate.der().clone()],
            Arc::clone(&self.signing_key),
        ));
        // A client making up names cannot grow the cache without bound.
        if leaves.len() >= MAX_LEAVES {
            leaves.clear();
        }
        leaves.insert(host, Arc::clone(&leaf));
        Some(leaf)
    }

    /// The TLS settings of one tunnel: a leaf for the name the client sends (SNI), or
    /// for `host` when it sends none (it connects to an IP address); ALPN offers only
    /// `http/1.1` (Java's client asks for h2 first).
    pub(super) fn server_config(self: &Arc<Self>, host: &str) -> io::Result<Arc<ServerConfig>> {
        let resolver = Leaves {
            authority: Arc::clone(self),
            fallback: host.to_owned(),
        };
        let mut config = ServerConfig::builder_with_provider(Arc::clone(&self.provider))
            .with_safe_default_protocol_versions()
            .map_err(io::Error::other)?
            .with_no_client_auth()
            .with_cert_resolver(Arc::new(resolver));
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }
}

fn validity(params: &mut CertificateParams) {
    let now = OffsetDateTime::now_utc();
    params.not_before = now - VALIDITY;
    params.not_after = now + VALIDITY;
}

#[derive(Debug)]
struct Leaves {
    authority: Arc<Authority>,
    fallback: String,
}

impl std::fmt::Debug for Authority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Authority").finish_non_exhaustive()
    }
}

impl ResolvesServerCert for Leaves {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let host = hello.server_name().unwrap_or(&self.fallback);
        self.authority.leaf(host)
    }
}
