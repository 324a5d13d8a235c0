/** The newsroom's mark (the same drawing as src/app/icon.svg, the public site's icon), as JSX for the admin. */
export const NewsroomMark = ({ size = 32 }: { size?: number | string }) => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 32 32"
    width={size}
    height={size}
    aria-hidden="true"
    focusable="false"
  >
    <rect width="32" height="32" rx="6" fill="#0b5cad" />
    <rect x="7" y="8" width="18" height="3" rx="1" fill="#fff" />
    <rect x="7" y="14" width="11" height="2" rx="1" fill="#fff" />
    <rect x="7" y="18" width="11" height="2" rx="1" fill="#fff" />
    <rect x="7" y="22" width="18" height="2" rx="1" fill="#fff" />
    <rect x="20" y="14" width="5" height="6" rx="1" fill="#9cc8f5" />
  </svg>
)
