// GET|DELETE /api/3rdparty/v1/messages/:id — same as /message/:id
export { DELETE, GET } from '../../message/[id]/route';
