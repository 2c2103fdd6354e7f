// GET /api/3rdparty/v1/device — alias of /devices
export { GET } from '../devices/route';
