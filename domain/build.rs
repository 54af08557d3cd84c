//! Rebuilds the crate when a message catalogue or a mail template is added:
//! rust-embed makes the compiler track the files it embedded, not a new one.

fn main() {
    println!("cargo:rerun-if-changed=src");
}
